"""The bell in the top bar, /notifications and the notification preferences page."""

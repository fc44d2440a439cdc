"""`python -m hoffice_app ...`: see hoffice_app/cli.py."""
import sys

from hoffice_app.cli import main

sys.exit(main())

"""Serve the production build already in .web/ again, without building it: the backend that
``reflex run --env prod`` starts, with the built frontend mounted, on the port the build was
made for (its pages call that port back).

A restart after a kill then takes seconds instead of the minute a rebuild takes, which is what
a process manager restarting a deployed app does too. ``Server.restart`` runs it as
``python -m tests.e2e.serve_built PORT``; it leans on Reflex's own start-up function (0.10).
"""
import sys

from reflex.utils import exec as reflex_exec
from reflex_base import constants
from reflex_base.environment import environment


def main(port: int) -> None:
    environment.REFLEX_ENV_MODE.set(constants.Env.PROD)
    environment.REFLEX_SKIP_COMPILE.set(True)  # .web/ stays as the first start built it
    reflex_exec.run_backend_prod("0.0.0.0", port, constants.LogLevel.INFO, mount_frontend_compiled_app=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))

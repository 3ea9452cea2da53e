import os
import sys

from cli.main import main

try:
    sys.exit(main())
except BrokenPipeError:          # `python -m cli stats | head`
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(1)

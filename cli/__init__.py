"""The command line: an interface beside the app, over the same loaders,
store and analytics. `python -m cli --help`."""

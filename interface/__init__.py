"""What the two interfaces (the app under ui/ and the command line under
cli/) share: opening the workspace, and every word they show, in French and
English."""

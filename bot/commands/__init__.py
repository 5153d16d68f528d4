"""Sub-commands of `safetyplan`: every module here has a `register(subparsers)` function."""

"""One module per command of `python main.py`: each has `add_parser(subparsers)` and `run(args) -> int`."""

"""`python -m essaylint`."""

from essaylint.cli.launch import main

if __name__ == "__main__":
    main()

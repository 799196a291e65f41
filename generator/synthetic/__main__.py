"""`python -m generator.synthetic OUT --preset …`: write a synthetic evaluation year."""

from generator.synthetic.cli import main

raise SystemExit(main())

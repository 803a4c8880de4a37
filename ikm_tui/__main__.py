from ikm_tui.cli import main

raise SystemExit(main())

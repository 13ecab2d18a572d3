"""`python -m interviewdesk` behaves exactly like the `interviewdesk` command."""

from interviewdesk.cli import main

raise SystemExit(main())

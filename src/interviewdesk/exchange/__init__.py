"""The bundle file format (docs/bundle.md): written and read without a database or Qt."""

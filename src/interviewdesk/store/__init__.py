"""Storage: the SQLAlchemy models, opening and migrating a database, and its safety checks. No Qt."""

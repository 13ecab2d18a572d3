"""Storage: the Core tables, opening and migrating a database, its safety checks, and the row
functions that hold all the SQL. No Qt."""

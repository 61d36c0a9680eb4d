"""PostgreSQL behind the storage seam: psycopg 3, a connection pool, its own migrations."""

from storage.postgres.database import PostgresDatabase, open_postgres

__all__ = ["PostgresDatabase", "open_postgres"]

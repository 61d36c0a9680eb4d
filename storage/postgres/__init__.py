"""PostgreSQL behind the storage seam: psycopg 3, a connection pool, its own migrations."""

from storage.postgres.database import PostgresDatabase, is_postgres_url, open_postgres

__all__ = ["PostgresDatabase", "is_postgres_url", "open_postgres"]

"""The test cluster: a real PostgreSQL with the extensions search needs, a database per test."""

from __future__ import annotations

import psycopg

from tests.support.postgres import PostgresCluster


def test_each_test_gets_its_own_empty_database(
    postgres_cluster: PostgresCluster, postgres_url: str
) -> None:
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        version = conn.execute("SHOW server_version_num").fetchone()
        tables = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone()
        available = {
            r[0] for r in conn.execute("SELECT name FROM pg_available_extensions").fetchall()
        }
    assert version is not None and int(str(version[0])) >= 150000
    assert tables == (0,)
    assert {"unaccent", "pg_trgm", "btree_gin"} <= available
    with psycopg.connect(postgres_cluster.socket_url(), autocommit=True) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)

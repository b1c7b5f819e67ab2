-- Rollback of 0011_acknowledge_links: removes exactly what migration.sql created.
DROP TABLE IF EXISTS "acknowledge_link_uses";

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE SCHEMA sales;
CREATE SCHEMA "Ünïcode schema";
CREATE TYPE order_status AS ENUM ('new', 'paid, shipped', 'a|b');
CREATE TABLE accounts (region CHAR(2) NOT NULL, account_no INT NOT NULL, name VARCHAR(120) NOT NULL, balance NUMERIC(10,2), tags TEXT[], statuses order_status[], status order_status DEFAULT 'new', PRIMARY KEY (region, account_no));
CREATE TABLE invoices (id BIGSERIAL PRIMARY KEY, region CHAR(2) NOT NULL, account_no INT NOT NULL, amount NUMERIC(12,4), issued TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT fk_account FOREIGN KEY (region, account_no) REFERENCES accounts (region, account_no) ON UPDATE CASCADE ON DELETE RESTRICT);
CREATE TABLE sales.notes (id INT PRIMARY KEY, region CHAR(2), account_no INT, CONSTRAINT fk_account FOREIGN KEY (account_no, region) REFERENCES accounts (account_no, region) ON DELETE SET NULL);
CREATE TABLE "select" ("from" INT PRIMARY KEY, "größe" VARCHAR(20), "order" INT REFERENCES "select" ("from"));
CREATE TABLE "Ünïcode schema"."Tabelle ü" (id INT PRIMARY KEY, note TEXT);
COMMENT ON TABLE accounts IS 'pipes | in a comment
and a newline';
CREATE TABLE events (id BIGINT NOT NULL, at DATE NOT NULL, region CHAR(2), account_no INT, payload JSONB, PRIMARY KEY (id, at), FOREIGN KEY (region, account_no) REFERENCES accounts (region, account_no)) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX idx_events_account ON events (account_no, at DESC);
CREATE INDEX idx_accounts_lower_name ON accounts (lower(name));
CREATE VIEW rich_accounts AS SELECT region, account_no, balance FROM accounts WHERE balance > 1000;
CREATE MATERIALIZED VIEW invoice_totals AS SELECT region, account_no, sum(amount) AS total FROM invoices GROUP BY 1, 2;
CREATE TABLE never_analysed (id INT PRIMARY KEY);
INSERT INTO accounts VALUES ('EU', 1, 'Ana', 10.50, '{a,b}', '{new}', 'paid, shipped'), ('US', 2, 'Bo', 2000, NULL, NULL, 'new');
INSERT INTO events VALUES (1, '2024-05-01', 'EU', 1, '{}'), (2, '2025-05-01', 'EU', 1, '{}'), (3, '2026-05-01', 'US', 2, NULL);
ANALYZE accounts;
ANALYZE events;
COMMENT ON COLUMN accounts.name IS 'owner''s name | shown as "x"
second line	with a tab';
INSERT INTO "select" VALUES (1, '', NULL), (2, 'NULL', 1);

-- A volunteer with years of service, for tests/bench/api-signed-in.mjs (docs/benchmarks.md):
--   cp build/city/city.db /tmp/heavy.db && sqlite3 /tmp/heavy.db < tests/bench/heavy-volunteer.sql
--   node tests/bench/api-signed-in.mjs --db /tmp/heavy.db
-- The generated city's busiest volunteer (15 records) gets 1,200 more certified records, a
-- sign-up and an earning entry for each, and 30 upcoming sign-ups; it prints the counts.
CREATE TEMP TABLE v AS SELECT user_id AS id FROM attendance GROUP BY user_id ORDER BY count(*) DESC, user_id LIMIT 1;
INSERT INTO attendance(user_id, shift_id, project_id, team_id, method, check_in, check_out, minutes, status, certified, created_at)
SELECT (SELECT id FROM v), s.id, s.project_id, p.team_id, 'code', s.start_at, s.start_at + 7200, 120, 'certified', 1, s.start_at
FROM shifts s JOIN projects p ON p.id = s.project_id WHERE s.id % 83 = 0 AND s.end_at < 1796000000 ORDER BY s.id LIMIT 1200;
INSERT INTO points_accounts(kind, owner_id) SELECT 'volunteer', id FROM v;
INSERT INTO points_postings(at, from_account, to_account, points, kind, ref_kind, ref_id, rule_version, why)
SELECT a.check_out, 1, (SELECT id FROM points_accounts WHERE kind = 'volunteer' AND owner_id = (SELECT id FROM v)), 4, 'earn', 'attendance', a.id,
       (SELECT min(version) FROM points_rules), ''
FROM attendance a WHERE a.user_id = (SELECT id FROM v) AND a.certified = 1 ORDER BY a.id;
-- Their sign-ups: one for each of those shifts, and 30 upcoming ones (我的报名, the overlap check).
INSERT OR IGNORE INTO signups(user_id, shift_id, status, created_at)
SELECT (SELECT id FROM v), a.shift_id, 'confirmed', a.check_in - 86400 FROM attendance a WHERE a.user_id = (SELECT id FROM v);
INSERT OR IGNORE INTO signups(user_id, shift_id, status, created_at)
SELECT (SELECT id FROM v), s.id, 'confirmed', unixepoch() FROM shifts s WHERE s.id % 89 = 0 AND s.start_at > unixepoch()
ORDER BY s.start_at LIMIT 30;
SELECT count(*) FROM attendance WHERE user_id = (SELECT id FROM v);
SELECT count(*) FROM signups WHERE user_id = (SELECT id FROM v) AND status = 'confirmed';
SELECT count(*) FROM points_postings;

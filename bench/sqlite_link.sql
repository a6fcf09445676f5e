-- The sqlite3 baseline of the link benchmark (bench/run runs it in the data directory with
-- `sqlite3 :memory:`): load the same two files crewsync reads — people.csv and Procore's users
-- list — and join them on the normalised e-mail, the one exact match a first sync starts from.
-- crewsync does more (employee IDs, conflicts, duplicates, suggestions, the plan); this is the
-- least any tool has to do.
.bail on
.import --csv people.csv people
CREATE TABLE users AS
  SELECT value ->> '$.id' AS id,
         value ->> '$.first_name' AS first_name,
         value ->> '$.last_name' AS last_name,
         value ->> '$.email_address' AS email_address,
         value ->> '$.employee_id' AS employee_id,
         value ->> '$.mobile_phone' AS mobile_phone,
         value ->> '$.job_title' AS job_title,
         value ->> '$.is_active' AS is_active,
         value ->> '$.is_employee' AS is_employee,
         value ->> '$.origin_id' AS origin_id,
         value ->> '$.updated_at' AS updated_at
  FROM json_each(CAST(readfile('directory_users.json') AS TEXT));
CREATE INDEX users_email ON users(lower(trim(email_address)));
SELECT count(*) AS people, (SELECT count(*) FROM users) AS users,
       (SELECT count(*) FROM people p JOIN users u
          ON lower(trim(p.email)) = lower(trim(u.email_address))) AS email_matches
  FROM people;

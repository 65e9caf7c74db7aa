/// Words and phrases that name the same incident concept in different
/// words: "cert lapsed", "x509 expired", "ACME renewal stopped" all add the
/// concepts `~certificate` and `~expiry`. The concept tokens join the words
/// of a postmortem, so two write-ups of one problem share terms even when
/// their authors share no vocabulary. General SRE vocabulary, not tuned to
/// any corpus; the original words are kept too. A single word is listed
/// only when nearly every use of it in a postmortem means the concept; a
/// word that means it only in some company ("full", "evicted", "exhausted")
/// is in `qualified`, and a phrase whose words would wrongly evoke one
/// ("node pool") in `neutral`.
enum ConceptLexicon {
    /// Concept → the words and phrases (lower case, space-separated) that evoke it.
    /// Hyphenated words are split by `TextVectorizer` ("dead-letter" is "dead letter").
    static let concepts: [String: [String]] = [
        // Certificates and TLS.
        "certificate": ["certificate", "certificates", "cert", "certs", "x509", "tls", "ssl", "mtls", "acme", "letsencrypt",
                        "lets encrypt", "cert manager", "certbot", "pki", "keystore", "truststore", "trust store", "ca bundle",
                        "intermediate ca", "root ca", "certificate authority", "certificate chain", "cert chain", "handshake",
                        "handshakes", "cipher", "ciphers", "cipher suite", "sni", "pem", "jks", "pkcs12"],
        "expiry": ["expire", "expired", "expires", "expiring", "expiry", "expiration", "lapse", "lapsed", "lapses", "lapsing",
                   "notafter", "not after", "validity period", "valid until"],
        "renewal": ["renew", "renewed", "renewal", "renewals", "renewing", "auto renew", "reissue", "reissued", "rotate", "rotated",
                    "rotates", "rotating", "rotation"],
        "name-mismatch": ["san", "sans", "subject alternative name", "subject alternative names", "hostname mismatch",
                          "wrong hostname", "common name", "name mismatch", "hostname missing", "hostname verification"],
        "untrusted-certificate": ["unknown authority", "signed by unknown", "self signed", "untrusted", "not trusted",
                                  "missing intermediate", "incomplete chain", "chain of trust", "unable to verify",
                                  "local issuer", "certificate pinning", "pinned certificate", "pinned certificates", "ocsp",
                                  "revoked certificate"],
        // Credentials and secrets.
        "credential": ["auth", "authentication", "oauth", "token", "tokens", "jwt", "credential", "credentials", "secret",
                       "secrets", "api key", "api keys", "access key", "access keys", "secret key", "client secret",
                       "password", "passwords", "passphrase", "service account", "service accounts", "sso", "iam", "vault",
                       "kms", "secrets manager", "key vault", "keytab", "kerberos", "ldap", "unauthorized", "unauthorised",
                       "forbidden", "access denied", "accessdenied", "permission denied", "authentication failed",
                       "invalid credentials", "invalid_client", "invalid_grant", "invalid token", "login failed"],
        "credential-rotation": ["password rotation", "secret rotation", "key rotation", "credential rotation",
                                "credentials rotation", "token rotation", "old access key", "old api key", "old key",
                                "previous key", "cached credentials", "new password", "new secret", "new credentials",
                                "new access key", "new api key"],
        "secret-exposure": ["public repository", "public repo", "public github", "secret scanning", "gitleaks", "trufflehog",
                            "hardcoded secret", "hardcoded credentials", "plaintext password", "plain text password"],
        // Databases and their connections.
        "database": ["database", "databases", "db", "postgres", "postgresql", "mysql", "rds", "aurora", "sql", "query", "queries",
                     "oracle", "mongodb", "cassandra", "dynamodb"],
        "connection-pool": ["connection pool", "connection pools", "pool", "pools", "pooler", "pgbouncer", "hikari", "hikaricp",
                            "max connections", "max_connections", "connection limit", "client connections", "pool size",
                            "too many connections", "too many clients", "pool exhaustion", "pool exhausted", "connection slots",
                            "connection slot", "connection starvation", "connection leak", "connection leaks",
                            "connections leaked", "out of connections", "no free connections",
                            "waiting for a connection", "acquire timeout", "connection acquisition", "checkout timeout",
                            "idle in transaction", "max pool size", "maxpoolsize"],
        "lock-contention": ["lock contention", "lock wait", "lock waits", "lock timeout", "lock_timeout", "deadlock", "deadlocks",
                            "deadlocked", "access exclusive", "accessexclusivelock", "metadata lock", "table lock", "table locks",
                            "row lock", "row locks", "exclusive lock", "waiting for lock", "lock queue", "long running transaction",
                            "long running transactions", "table rewrite"],
        "migration": ["migration", "migrations", "schema change", "schema changes", "alter table", "ddl", "index dropped",
                      "add column", "backfill", "flyway", "liquibase", "alembic", "online schema change", "gh ost",
                      "pt online schema change", "pg_repack"],
        "replication": ["replication", "failover", "failed over", "read replica", "read replicas", "standby", "primary",
                        "follower", "followers", "binlog", "replication slot", "in sync replicas", "isr"],
        "lag": ["lag", "lagging", "consumer lag", "fell behind", "falling behind", "falls behind", "fallen behind", "backlog",
                "backlogs", "backlogged", "queue depth", "could not keep up", "couldn t keep up", "oldest message",
                "age of the oldest"],
        "replication-lag": ["replication lag", "replica lag", "replication delay", "replica delay", "seconds behind",
                            "seconds_behind_master", "stale read", "stale reads", "read after write", "read your writes",
                            "behind the primary", "behind its primary", "wal replay", "replay paused", "replay lag",
                            "secondarypreferred", "secondary preferred", "lagging secondaries", "lagging secondary",
                            "lagging replica", "lagging replicas", "lagging reader", "lagging readers", "eventually consistent",
                            "eventual consistency", "strongly consistent read", "consistent read", "consistent reads"],
        "split-brain": ["split brain", "leader election",
                        "fencing", "fencing token", "lost quorum", "quorum", "zombie leader", "stale leader"],
        // Messaging.
        "kafka": ["kafka", "broker", "brokers", "topic", "topics", "partition", "partitions", "consumer group", "consumer groups",
                  "consumer offset", "consumer offsets", "committed offset", "committed offsets", "offset commit", "offset commits",
                  "offset reset"],
        // Partitions moving between a group's consumers; a reassignment moves
        // them between consumers or replicas between brokers (`qualified`).
        "rebalance": ["rebalance", "rebalancing", "rebalanced", "rebalances", "partition assignment",
                      "group coordinator", "join group", "joingroup", "poll interval", "max poll", "consumer heartbeat", "consumer heartbeats",
                      "session timeout", "assignor", "churn"],
        "queue": ["queue", "queues", "sqs", "rabbitmq", "amqp", "ibm mq", "activemq", "message queue", "message broker",
                  "pubsub", "pub sub", "kinesis", "nats", "prefetch", "visibility timeout"],
        "poison-message": ["poison pill", "poison pills", "poison message", "poison messages", "dead letter", "dead lettered",
                           "same event", "same record", "same message", "one bad record", "bad record", "bad records",
                           "one bad message", "one bad event", "restart loop", "restart loops", "replays the same",
                           "replayed the same", "parking lot queue", "quarantine queue",
                           "dlq", "dlqs", "dlx", "redrive", "redrive policy", "maxreceivecount", "max receive count",
                           "receive count", "delivery limit", "delivery count", "backout threshold", "backout queue",
                           "backout count",
                           "requeue", "requeued", "requeues", "requeuing", "requeueing", "re queued", "redeliver",
                           "redelivered", "redelivers", "redelivery", "redeliveries", "re delivered", "nack", "nacked",
                           "nacks", "head of line", "head of the queue", "front of the queue", "head of its queue",
                           "unprocessable", "undeletable"],
        // Storage.
        "disk": ["disk", "disks", "volume", "volumes", "inode", "inodes", "filesystem", "filesystems", "file system", "ebs",
                 "persistent volume", "disk partition", "retention", "compaction", "wal", "write ahead log", "free space", "disk space",
                 "disk usage"],
        "backup": ["backup", "backups", "snapshot", "snapshots", "restore", "restored", "point in time recovery", "pitr"],
        "hardware-failure": ["hardware failure", "hardware failures", "hardware fault", "hardware faults", "disk failure",
                             "disk failures", "drive failure", "failed disk", "failed drive", "bad sector", "bad sectors",
                             "bad block", "bad blocks", "smart errors", "i o errors", "io errors", "input output error",
                             "instance retirement", "scheduled retirement", "degraded hardware", "host failure", "failed host",
                             "ecc errors", "memory errors", "kernel panic", "power supply", "power failure", "nic failure"],
        "disk-full": ["no space", "out of space", "no space left", "enospc", "disk full", "disks full", "volume full", "storage full",
                      "storage used up", "disk space used up", "free storage space", "freestoragespace", "low disk space",
                      "storage full state", "ephemeral storage", "storage limit", "read only allow delete",
                      "filesystem full", "flood stage", "diskpressure", "disk pressure", "inode exhaustion", "nodefs", "out of disk",
                      "no free space"],
        // Memory and compute.
        "memory": ["memory", "oom", "oomkilled", "oom killed", "oom killer", "out of memory", "outofmemoryerror", "heap", "rss",
                   "resident set", "working set", "ram", "garbage collection", "gc", "old gen"],
        "memory-leak": ["memory leak", "memory leaks", "heap growth", "memory growth",
                        "memory grew", "memory creep", "unbounded growth", "without bound", "never freed", "never garbage collected",
                        "sawtooth", "saw tooth", "monotonically", "heap dump", "heap dumps"],
        "gc-pause": ["gc pause", "gc pauses", "garbage collection pause", "garbage collection pauses", "stop the world", "full gc",
                     "full gcs", "gc storm", "gc thrashing", "long gc", "safepoint", "safepoints"],
        "undersized": ["undersized", "under sized", "underprovisioned", "under provisioned", "too little memory"],
        "cpu": ["cpu", "cpus", "vcpu", "cores", "millicores", "cpu usage", "cfs", "cgroup", "cgroups"],
        "overload": ["overload", "overloaded", "overloading", "saturated", "saturation", "swamped", "overwhelmed", "at capacity",
                     "maxed out", "pegged", "cpu bound", "cpu throttling", "no headroom", "starved of cpu", "cpu starvation"],
        "noisy-neighbour": ["noisy neighbour", "noisy neighbours", "noisy neighbor", "noisy neighbors", "cpu steal", "steal time",
                            "stolen cpu", "co located", "colocated", "co tenant", "shared host", "shared hosts", "same host",
                            "bin packing", "bin packed", "overcommitted", "overcommit", "oversubscribed", "oversubscription",
                            "burst credits", "cpu credits", "resource contention", "cpu contention"],
        "socket-exhaustion": ["ephemeral port", "ephemeral ports", "port exhaustion", "snat port", "snat ports", "time_wait",
                              "too many open files", "emfile", "fd limit", "conntrack table full", "table full"],
        // Load, retries and caches.
        "rate-limit": ["rate limit", "rate limits", "rate limited", "rate limiting", "ratelimit", "quota", "quotas",
                       "too many requests", "toomanyrequests", "quota exceeded", "over quota", "rate exceeded",
                       "requestlimitexceeded", "throttlingexception", "api limit", "api limits", "request limit",
                       "service limits", "burst limit", "token bucket", "leaky bucket"],
        "retry": ["retry", "retries", "retrying", "retried", "retry policy", "retry policies", "circuit breaker", "circuit breakers"],
        "retry-storm": ["retry storm", "retry storms", "thundering herd", "retry amplification", "backoff", "back off", "jitter",
                        "retry budget", "retry budgets", "retry loop", "retry loops", "tight loop", "tight loops", "retry layers",
                        "nested retries", "layered retries", "stacked retries", "retries multiplied", "retries multiply",
                        "reattempt", "reattempts", "re attempt", "re attempts", "re attempted", "re attempting",
                        "exponential backoff", "capped backoff",
                        "reconnect storm", "reconnect storms", "reconnection storm", "reconnection storms", "retried immediately",
                        "immediate retries", "synchronised retries", "synchronized retries", "in lockstep", "lockstep",
                        "amplification", "amplified", "amplify", "amplifying"],
        "cache": ["cache", "caches", "cached", "caching", "redis", "memcached", "ttl", "ttls", "cdn"],
        "cache-miss": ["cache eviction", "cache evictions", "stampede", "cache stampede", "thundering herd", "cache miss",
                       "cache misses", "cold cache", "warm up", "dogpile", "dog pile", "hit rate", "hit ratio", "miss rate",
                       "cache warming", "cache flush", "cache flushed"],
        "load": ["traffic spike", "spike", "spikes", "surge", "surges", "peak traffic", "flash sale", "ddos", "bot traffic",
                 "load shedding", "cascading failure", "cascading failures", "cascaded"],
        "health-check": ["health check", "health checks", "healthcheck", "healthchecks", "health endpoint", "health endpoints",
                         "healthz", "readyz", "livez", "httpchk", "unhealthy", "marked down", "marked unhealthy",
                         "readiness probe", "readiness probes",
                         "liveness probe", "liveness probes", "readiness", "liveness", "startup probe"],
        // Capacity taken away on purpose, all at once: a drain or upgrade with no disruption budget.
        "disruption": ["poddisruptionbudget", "poddisruptionbudgets", "pod disruption budget", "pod disruption budgets", "pdb",
                       "pdbs", "maxunavailable", "max unavailable", "cordon", "cordons", "cordoned", "node drain", "node drains",
                       "disruption budget", "disruption budgets"],
        "autoscale": ["autoscaling", "autoscaler", "autoscalers", "hpa", "scale up", "scale out", "scaled out", "scaling",
                      "scaled to zero", "scale to zero", "scaled down", "scale down", "min replicas", "minreplicas", "maxreplicas",
                      "karpenter", "keda"],
        "hot-spot": ["hot partition", "hot partitions", "hot key", "hot keys", "hot shard", "hot shards", "hotspot", "hotspots",
                     "hot spot", "uneven distribution", "celebrity", "one shard", "single shard", "one partition",
                     "single partition", "one key", "single key", "single item", "one item", "per partition", "partition key limit",
                     "key skew", "data skew", "skewed partitioning", "skewed keys", "unevenly distributed", "hash slot",
                     "hash slots", "owned by one", "one node owned", "hot row", "hot rows", "hot item"],
        // Change.
        "deploy": ["deploy", "deployed", "deploys", "deployment", "rollout", "rolled out", "release", "released", "canary",
                   "rollback", "rolled back", "roll back", "revert", "reverted", "hotfix", "helm", "regression", "bad release",
                   "bad deploy"],
        "feature-flag": ["feature flag", "feature flags", "flag", "flags", "toggle", "toggles", "launchdarkly", "kill switch",
                         "unleash", "flagd"],
        "config-push": ["config push", "configuration push", "config rollout", "configuration rollout", "pushed config",
                        "global config", "bad config", "bad configuration", "invalid config", "invalid configuration",
                        "malformed config", "config error", "configuration error", "dynamic config", "dynamic configuration",
                        "runtime config", "config service", "configuration service", "flag flip", "flag flipped"],
        // Time.
        "clock": ["clock", "clocks", "ntp", "ntpd", "chrony", "chronyd", "timesyncd", "time sync", "timestamp", "time drift",
                  "clock skew", "clock drift", "not yet valid", "leap second", "leap smear", "time source", "wall clock",
                  "system time", "out of sync"],
        "calendar": ["dst", "daylight saving", "daylight savings", "daylight time", "summer time", "winter time", "standard time",
                     "bst", "cest", "gmt", "clocks went back", "clocks go back", "clocks went forward", "clocks go forward",
                     "clocks changed", "clocks change", "clock change", "spring forward", "time change", "time zone", "time zones",
                     "timezone", "timezones", "tzdata", "zoneinfo", "utc offset", "local time", "localtime", "leap year",
                     "leap day", "end of month", "month end", "year end", "year boundary",
                     "iso week", "week number"],
        "schedule": ["cron", "cronjob", "cron job", "crontab", "scheduled", "scheduler", "schedule", "batch", "nightly"],
        "concurrent-run": ["concurrent runs", "ran concurrently", "concurrency policy", "concurrencypolicy", "double run",
                           "overlapping runs", "overlapping jobs"],
        "duplicate": ["twice", "duplicate", "duplicates", "duplicated"],
        // An effect applied again when work is retried or redelivered, with no key to recognise the repeat.
        "idempotency": ["idempotency", "idempotent", "idempotency key", "idempotency keys", "not idempotent", "non idempotent",
                        "at least once", "redelivered", "redelivery", "redeliveries", "delivered twice", "delivered again",
                        "processed twice", "applied twice", "credited twice", "charged twice", "double charged",
                        "double charge", "double credited", "double credit", "dedupe", "deduplicate", "deduplication",
                        "dedup", "exactly once", "replayed", "re sent", "resent", "reprocessed", "visibility timeout",
                        "ack deadline", "acknowledgement deadline", "uncommitted offsets"],
        // An identifier assumed to stand for one person, device or thing that many share.
        "identifier-collision": ["collision", "collisions", "collided", "collide", "collides", "not unique", "non unique",
                                 "carrier grade nat", "cgnat", "shared ip", "shared ips", "same ip", "same ip address",
                                 "behind one ip", "per ip", "per source ip", "placeholder serial", "default string",
                                 "all zeros", "zeroed identifier", "same identifier", "shared identifier", "duplicate key",
                                 "duplicate keys", "uniqueness", "unique constraint"],
        // Network and dependencies.
        "dns": ["dns", "resolver", "resolvers", "nxdomain", "servfail", "coredns", "kube dns", "ndots", "name resolution",
                "domain name", "route53", "nameserver", "nameservers", "cname", "a record", "a records", "dns record", "dns records",
                "srv record", "srv records", "txt record", "txt records", "resolv.conf", "search domain", "dnssec", "getaddrinfo",
                "eai_again", "unknownhostexception", "could not resolve", "unable to resolve", "no such host",
                "name or service not known", "temporary failure in name resolution", "search path", "search domains",
                "negative caching", "zone file", "dns propagation", "delegation", "glue record"],
        "network": ["network", "packet", "packet loss", "dropped packets", "bgp", "mtu", "vpc", "firewall", "security group",
                    "routing", "tcp", "udp", "nat gateway", "snat", "conntrack", "nf_conntrack", "peering", "transit gateway"],
        "network-partition": ["network partition", "network partitions", "netsplit", "pause minority", "partition handling",
                              "lost connectivity"],
        "load-balancer": ["load balancer", "lb", "alb", "elb", "nginx", "envoy", "ingress", "haproxy", "proxy", "proxies"],
        "third-party": ["vendor", "provider", "upstream", "third party", "partner", "supplier", "saas"],
        "timeout": ["timeout", "timeouts", "timed out", "timing out", "deadline exceeded", "deadline_exceeded", "context deadline",
                    "gateway timeout", "read timeout", "connect timeout", "socket timeout", "request timeout", "no timeout",
                    "hung", "hang", "hanging", "unresponsive"],
        // A number outgrowing the fixed-width type that holds it.
        "integer-overflow": ["integer overflow", "integer overflows", "int overflow", "arithmetic overflow", "overflowed",
                             "int32", "uint32", "int64", "uint64", "bigint", "biginteger", "atomicinteger", "smallint",
                             "maxint", "max_int", "int_max", "integer max", "max int", "maxvalue", "max_value", "signed integer",
                             "signed integers", "signed int", "bit integer", "bit integers", "bit int", "bit signed", "bit field",
                             "bit fields", "bit counter", "bit counters", "unsigned integer", "unsigned int", "wraparound", "wrapped around",
                             "wraps around", "wrap around", "wrapping around", "sign flipped", "sign bit", "fixed width",
                             "integer type", "integer range", "key range", "id range", "auto increment", "auto_increment",
                             "autoincrement", "sequence exhausted", "sequence exhaustion"],
        "search": ["elasticsearch", "opensearch", "reindex", "shard", "shards", "synonym", "synonyms", "search index"],
        // Two requests both pass a check before either acts on it.
        "race-condition": ["race condition", "race conditions", "race", "races", "racing", "raced", "toctou",
                           "check then act", "check then use", "check and set", "lost update", "lost updates", "oversold",
                           "oversell", "overselling", "overbooked", "overbooking", "double booked", "double booking",
                           "double spend", "double spent", "double spending", "double redeemed", "double redemption",
                           "select for update", "optimistic locking", "optimistic lock", "optimistic concurrency",
                           "pessimistic locking", "compare and swap", "compare and set", "non atomic", "not atomic",
                           "read modify write", "interleaved", "interleaving", "row version", "conditional write",
                           "conditional update"],
        // Amounts in a unit or precision other than the one assumed.
        "decimal-precision": ["minor unit", "minor units", "decimal places", "decimal place", "two decimals",
                              "two decimal places", "three decimals", "zero decimal", "zero decimals", "decimal digits",
                              "rounding error", "rounding errors", "rounding mode", "round half", "floating point",
                              "bigdecimal", "decimal precision", "fractional", "truncated to two", "hundredfold"],
        // Times without their zone, read in another one.
        "timezone": ["time zone", "time zones", "timezone", "timezones", "tzinfo", "tz database", "tzdata", "naive datetime",
                     "naive datetimes", "naive timestamp", "naive timestamps", "timezone naive", "zoneless", "zone less",
                     "without a zone", "without a time zone", "without a timezone", "without an offset", "without offset",
                     "no offset", "no timezone", "no time zone", "local time", "local times", "utc offset", "offset less",
                     "zoned", "zonedatetime", "zoneddatetime", "localdatetime", "wall clock time", "wall time"],
        // A cache whose key leaves out something that changes the answer.
        "cache-key": ["cache key", "cache keys", "vary header", "cache poisoning", "cache variant", "cache variants",
                      "keyed on", "keyed by", "cached per", "another user s", "another customer s", "someone else s",
                      "other users data", "wrong variant", "cache key normalisation", "cache key normalization"],
        // Bytes read in another character encoding than they were written in.
        "encoding": ["encoding", "encodings", "charset", "charsets", "character set", "character sets", "utf", "utf8",
                     "latin1", "cp1252", "code page", "codepage",
                     "mojibake", "garbled", "byte order mark", "bom", "accented", "accents", "diacritic", "diacritics",
                     "non ascii", "unicode", "double encoded", "double decoded", "double encoding", "multibyte",
                     "multi byte", "replacement character", "utf8mb4", "collation"],
        // One side of an interface changed in a way the other's running version cannot handle.
        "compatibility": ["backward compatible", "backwards compatible", "backward compatibility", "backwards compatibility",
                          "backward incompatible", "backwards incompatible", "not backward compatible",
                          "not backwards compatible", "incompatible", "incompatibility", "breaking change",
                          "breaking changes", "version skew", "old clients", "older clients", "older app", "older apps",
                          "old app versions", "older versions", "contract test", "contract tests", "consumer driven",
                          "schema registry", "field number", "removed field", "field removed", "required field",
                          "unknown field", "unknown enum", "new enum value", "deploy order", "release order",
                          "rollout order", "mixed versions", "expand and contract", "expand contract"],
        // A change made by hand in production that automation later undid, or that never reached the code.
        "config-drift": ["config drift", "configuration drift", "drifted from", "out of band", "clickops", "click ops",
                         "hand edited", "hand edit", "edited by hand", "changed by hand", "applied by hand", "by hand",
                         "manual change", "manual changes", "manually changed", "manually applied", "manually set",
                         "manual fix", "manual hotfix", "self heal", "selfheal", "self healing", "reconciliation loop",
                         "desired state", "not in terraform", "not in code", "never committed", "terraform drift",
                         "snowflake server", "console change"],
        // Updates to one thing applied in another order than they happened.
        "ordering": ["out of order", "out of sequence", "reordered", "reordering", "ordering guarantee",
                     "ordering guarantees", "ordered delivery", "sequence number", "sequence numbers", "partition key",
                     "message key", "ordering key", "last write wins", "older event", "older events", "older update",
                     "older updates", "stale update", "stale updates", "late arriving", "arrived late", "arrived out",
                     "fifo", "message group", "message groups", "monotonic version", "newer state", "overwrote the newer"],
        // A query that reads far more than it returns.
        "slow-query": ["missing index", "missing indexes", "missing indices", "no index", "unindexed", "full table scan",
                       "full table scans", "sequential scan", "sequential scans", "seq scan", "table scan", "table scans",
                       "query plan", "query planner", "explain analyze", "slow query", "slow queries", "slow query log",
                       "unbounded query", "cartesian", "plan regression"],
        // Request threads or workers all busy, so work queues behind them.
        "thread-pool": ["thread pool", "thread pools", "threadpool", "worker pool", "worker pools", "worker threads",
                        "request threads", "max threads", "maxthreads", "gunicorn workers", "uwsgi workers", "puma threads",
                        "event loop blocked", "blocked the event loop", "event loop lag", "head of line blocking",
                        "head of line", "all workers busy", "bulkhead", "bulkheads"],
        // Logging that outgrows what stores or ships it.
        "log-volume": ["log volume", "log volumes", "logging volume", "verbose logging", "debug logging", "excessive logging",
                       "log spam", "log flood", "log storm", "chatty logging", "left at debug", "debug level logging",
                       "ingestion quota", "log ingestion quota", "logging costs"],
        // A regular expression whose matching time explodes on some input.
        "regex-backtracking": ["catastrophic backtracking", "backtracking", "redos", "regex", "regexes", "regexp",
                               "regular expression", "regular expressions"],
        // A configured maximum (replicas, instances, a cloud quota) reached at a new peak.
        "capacity-ceiling": ["max replicas", "maxreplicas", "max instances", "max_instances", "maximum replicas",
                             "maximum instances", "instance cap", "instance limit", "scaling limit", "scaling ceiling",
                             "hard cap", "service quota", "vcpu quota", "cpu quota", "quota exceeded", "maxed out",
                             "max out", "pinned at", "at its maximum", "at the maximum", "max capacity", "capped at"],
        // Backups that could not be restored when needed.
        "restore-failure": ["restore failed", "restore test", "restore tests", "restore drill", "restore drills",
                            "never restored", "never been restored", "untested backup", "untested backups",
                            "backup verification", "corrupt backup", "corrupted backup", "backup unusable",
                            "unusable backup", "unrestorable", "could not restore", "couldn t restore", "could not be restored",
                            "empty backup", "empty backups", "zero byte", "zero bytes", "test restore", "test restores"],
        // A dependency that changed under the build because it was not pinned.
        "unpinned-dependency": ["unpinned", "not pinned", "latest tag", "floating tag", "transitive dependency",
                                "transitive dependencies", "lockfile", "lock file", "semver", "version range",
                                "caret range", "dependency upgrade", "dependabot", "renovate"],
    ]

    /// Concepts that name how something failed, not what it happened to
    /// ("~disk-full", not "~disk"; "~cache-miss", not "~cache";
    /// "~memory-leak", memory that grows until it runs out, not "~memory",
    /// which a limit set too low ("~undersized") exhausts too): they count
    /// double, so that "certificate expired" and "certificate had the wrong
    /// hostname" stay apart, and they alone make a document's failure modes
    /// (`PatternDocument.failureModes`), which join one failure in different
    /// components. A phrase that names a thing ("redis", "volume") belongs
    /// to a component concept even when that thing is often what fails, and
    /// so does a symptom that many failures cause ("retried", "twice",
    /// "backlog", "overloaded"): a queue falls behind when its consumers are
    /// scaled to zero and when one message blocks it. Timeouts are the one
    /// symptom kept as a failure mode: a dependency that hangs is a failure
    /// of its own, and its name ("timed out") is what recurrences share.
    static let failureModes: Set<String> = [
        "~expiry", "~name-mismatch", "~untrusted-certificate", "~credential-rotation", "~secret-exposure", "~connection-pool",
        "~lock-contention", "~replication-lag", "~split-brain", "~rebalance", "~poison-message", "~disk-full", "~memory-leak",
        "~gc-pause", "~undersized", "~noisy-neighbour", "~socket-exhaustion", "~rate-limit", "~retry-storm", "~cache-miss", "~hot-spot",
        "~config-push", "~disruption", "~health-check", "~integer-overflow", "~clock", "~calendar", "~concurrent-run", "~network-partition", "~timeout",
        "~race-condition", "~decimal-precision", "~timezone", "~cache-key", "~encoding", "~compatibility", "~config-drift",
        "~ordering", "~slow-query", "~thread-pool", "~log-volume", "~regex-backtracking", "~capacity-ceiling",
        "~restore-failure", "~unpinned-dependency", "~idempotency", "~identifier-collision",
    ]

    /// Words that name a concept only within `window` words of a word that
    /// fixes their sense: "full" is a disk filling up next to "disk" or
    /// "volume", and nothing in "a full GC" or "full jitter"; "evicted" is a
    /// cache next to "cache" or "keys", not a pod or a Kafka consumer;
    /// "rotated" is a credential replaced next to "password" or "key", and
    /// "grew" a leak next to "heap" or "memory". A concept may have several
    /// gates, each its own words and qualifiers.
    static let qualified: [(concept: String, words: [String], near: [String])] = [
        ("disk-full", ["full", "filled", "filling", "fill", "fills", "ran out", "run out", "runs out", "running out", "exhausted",
                       "exhaustion", "watermark", "watermarks"],
         ["disk", "disks", "volume", "volumes", "filesystem", "filesystems", "space", "inode", "inodes", "storage"]),
        ("connection-pool", ["exhausted", "exhaustion", "ran out", "running out", "starved", "starvation", "leak", "leaks",
                             "leaked", "leaking", "never returned", "never released", "never closed", "not returned",
                             "not closed"],
         ["pool", "pools", "connection", "connections", "slot", "slots", "session", "sessions"]),
        ("memory", ["exhausted", "exhaustion", "ran out", "running out"], ["memory", "heap", "ram"]),
        // Growth with nothing given back, of memory or what holds it.
        ("memory-leak", ["leak", "leaks", "leaked", "leaking", "grew", "grow", "grows", "growing", "growth", "climbed", "climbing",
                         "crept", "creeping", "accumulated", "accumulating", "accumulate", "retained", "retaining", "retains",
                         "never released", "never removed", "never freed", "not freed", "not released",
                         "never cleaned", "never gave", "kept growing", "steadily"],
         ["memory", "heap", "rss", "resident", "ram", "objects", "listeners", "listener", "handlers", "buffers", "allocations",
          "references", "goroutines", "threads", "map", "hashmap", "dictionary", "oom", "gen"]),
        ("memory-leak", ["unbounded", "never bounded", "no bound", "no eviction", "no size limit", "no maximum size"],
         ["cache", "caches", "map", "hashmap", "list", "buffer", "buffers", "collection", "registry", "memory", "heap", "objects",
          "listeners"]),
        ("gc-pause", ["pause", "pauses", "paused", "pausing", "thrashing", "stall", "stalls", "storm"],
         ["gc", "garbage", "collector", "collections", "jvm", "heap"]),
        // A capacity or limit configured too small, with no growth.
        ("undersized", ["low", "small", "too low", "too small", "set too low", "wrong", "incorrect", "default", "defaulted",
                        "tight", "insufficient"],
         ["limit", "limits", "quota", "quotas", "xmx", "sizing", "size", "sized"]),
        ("credential-rotation", ["rotate", "rotated", "rotates", "rotating", "rotation", "rotations", "cycled", "cycling",
                                 "regenerated", "regenerate", "regenerating", "regeneration", "rekeyed", "rekey", "deactivated",
                                 "deactivate", "deactivation", "revoked", "revoke", "revoking", "revocation"],
         ["password", "passwords", "secret", "secrets", "credential", "credentials", "key", "keys", "token", "tokens",
          "passphrase", "keytab"]),
        ("credential-rotation", ["replaced", "changed", "disabled", "invalidated", "invalidates", "old", "stale", "previous",
                                 "outdated", "superseded"],
         ["password", "passwords", "secret", "secrets", "credential", "credentials", "token", "tokens", "passphrase", "keytab"]),
        ("secret-exposure", ["exposed", "exposure", "leaked", "leak", "leaking", "disclosed", "compromised"],
         ["password", "passwords", "secret", "secrets", "credential", "credentials", "key", "keys", "token", "tokens"]),
        ("cache-miss", ["evicted", "eviction", "evictions", "evicting"], ["cache", "caches", "cached", "key", "keys", "redis",
                                                                          "memcached", "lru"]),
        ("cache-miss", ["flushed", "flush", "flushing", "cleared", "wiped", "cold", "emptied", "invalidated", "invalidation",
                        "miss", "misses", "expired", "warm", "warming"],
         ["cache", "caches", "redis", "memcached", "cdn"]),
        ("poison-message", ["forever", "for ever", "indefinitely", "endlessly", "infinitely", "over and over", "again and again",
                            "malformed", "corrupt", "corrupted", "unparseable", "unparsable", "undeserialisable",
                            "undeserializable", "poison", "poisoned", "backout", "aside", "skip", "skipped", "skipping"],
         ["message", "messages", "record", "records", "queue", "queues", "event", "events", "offset", "offsets", "payload",
          "payloads", "entry", "entries"]),
        ("kafka", ["offset", "offsets"], ["kafka", "consumer", "consumers", "topic", "topics", "partition", "partitions", "commit",
                                          "committed"]),
        ("kafka", ["consumer", "consumers"], ["kafka", "topic", "topics", "partition", "partitions", "offset", "offsets", "broker",
                                              "brokers", "poll", "rebalance", "rebalanced", "rebalancing"]),
        ("rebalance", ["reassign", "reassigned", "reassigns", "reassigning", "reassignment", "reassignments"],
         ["consumer", "consumers", "group", "groups", "member", "members", "revoke", "revoked", "pod", "pods"]),
        ("kafka", ["reassign", "reassigned", "reassigns", "reassigning", "reassignment", "reassignments"],
         ["replica", "replicas", "broker", "brokers", "partition", "partitions"]),
        ("queue", ["consumer", "consumers", "message", "messages"], ["queue", "queues", "rabbitmq", "sqs", "mq", "prefetch",
                                                                     "broker", "ack", "acked", "acknowledged"]),
        ("replication", ["replica", "replicas"], ["database", "databases", "db", "postgres", "postgresql", "mysql", "read", "primary",
                                                   "standby", "failover", "promoted", "replication", "lag", "sync", "isr", "broker",
                                                   "brokers"]),
        ("clock", ["skew", "skewed", "drift", "drifted", "drifting"], ["clock", "clocks", "time", "ntp", "chrony", "timestamp",
                                                                        "timestamps", "seconds", "milliseconds"]),
        ("calendar", ["offset", "offsets"], ["utc", "gmt", "bst", "timezone", "zone", "hour", "local", "daylight"]),
        ("calendar", ["repeated", "skipped", "ambiguous", "nonexistent", "existent", "did not exist"], ["hour", "hours"]),
        ("split-brain", ["two", "both", "dual", "multiple", "second"], ["leaders", "leader", "primaries", "masters"]),
        ("integer-overflow", ["overflow", "overflows", "overflowing", "wrapped", "wraps", "wrap", "wrapping", "negative",
                              "maximum", "largest", "ceiling", "widen", "widened", "widening"],
         ["int", "ints", "integer", "integers", "bit", "bits", "signed", "unsigned", "counter", "counters", "sequence",
          "long", "short", "int32", "int64", "bigint"]),
        ("health-check", ["probe", "probes", "probed", "probing"],
         ["liveness", "readiness", "startup", "health", "kubelet", "pod", "pods", "container", "containers", "restart",
          "restarted", "restarts", "endpoint", "http", "tcp"]),
        ("rebalance", ["heartbeat", "heartbeats"],
         ["kafka", "consumer", "consumers", "group", "broker", "brokers", "coordinator", "session", "poll", "rebalance"]),
        ("retry-storm", ["multiplied", "multiplies", "multiply", "multiplying", "multiplication", "compounded", "compounding",
                         "stacked", "nested", "layers", "loop", "loops", "hammered", "hammering", "immediately"],
         ["retry", "retries", "retried", "retrying", "reattempt", "reattempts", "attempts", "reload", "reloads",
          "reloading", "refresh", "refreshes", "refreshing", "reconnect", "reconnects"]),
        ("disk-full", ["evicted", "evicting", "eviction", "evictions", "grew", "growing", "accumulated", "accumulating",
                       "used up", "consumed", "read only", "readonly", "crossed", "exceeded", "exceeding", "zero"],
         ["disk", "disks", "volume", "volumes", "filesystem", "inode", "inodes", "storage", "ephemeral", "scratch", "diskpressure",
          "watermark", "wal"]),
        // A duplicate effect next to the retry that caused it.
        ("idempotency", ["twice", "again", "second time", "duplicate", "duplicated", "duplicates", "double", "extra"],
         ["retry", "retried", "retries", "retrying", "resubmitted", "resubmit", "resent", "resend", "timed", "timeout",
          "redelivered", "replayed", "tapped", "clicked", "pressed", "reattempted"]),
        ("replication-lag", ["behind", "lagging", "lagged", "stale", "outdated", "not yet"],
         ["replica", "replicas", "reader", "readers", "standby", "secondary", "secondaries", "follower", "followers", "copy",
          "copies", "mirror"]),
        ("hot-spot", ["skew", "skewed"],
         ["shard", "partition", "key", "node", "slot", "item", "row", "channel", "router"]),
        ("disruption", ["drain", "drains", "drained", "draining"],
         ["node", "nodes", "pod", "pods", "instance", "instances", "upgrade", "group", "kubelet", "host", "hosts", "batches"]),
        ("lock-contention", ["rewrite", "rewrites", "rewrote", "rewriting", "rewritten"], ["table", "tables"]),
        ("lock-contention", ["behind", "queued", "queue", "waiting", "waited", "wait", "held", "holds", "holding", "took", "takes",
                             "take", "acquire", "acquired"],
         ["lock", "locks", "exclusive", "metadata", "alter", "ddl"]),
        ("lock-contention", ["lock", "locks", "locked", "locking", "blocked"],
         ["table", "tables", "row", "rows", "database", "db", "query", "queries", "migration", "migrations", "alter", "ddl",
          "schema", "transaction", "transactions"]),
        ("overload", ["throttle", "throttled", "throttling", "throttles"], ["cpu", "cfs", "cgroup", "cgroups", "millicores", "cores"]),
        ("rate-limit", ["throttle", "throttled", "throttling", "throttles"],
         ["api", "apis", "request", "requests", "calls", "rate", "quota", "quotas", "client", "clients", "provider", "vendor",
          "endpoint", "tenant", "account"]),
        ("config-push", ["pushed", "push", "pushes", "propagated", "shipped", "applied", "rolled"],
         ["config", "configuration", "configs", "flag", "flags", "setting", "settings", "configmap"]),
        ("concurrent-run", ["overlap", "overlapped", "overlapping", "overlaps", "concurrently", "simultaneously", "in parallel",
                            "still running"],
         ["job", "jobs", "run", "runs", "cron", "cronjob", "batch", "execution", "executions"]),
        ("socket-exhaustion", ["full", "exhausted", "exhaustion", "ran out", "running out", "limit"],
         ["conntrack", "nf_conntrack", "port", "ports", "descriptor", "descriptors", "sockets", "ulimit"]),
        ("hardware-failure", ["failed", "failing", "faulty", "degraded", "died", "dead", "broken"],
         ["nvme", "ssd", "hdd", "drive", "drives", "disk", "disks", "hardware", "host", "hypervisor", "nic", "dimm", "raid"]),
        ("network-partition", ["partitioned"], ["network", "zone", "zones", "nodes", "cluster", "brokers", "datacenter",
                                                "datacentre", "region", "regions"]),
        ("race-condition", ["concurrent", "concurrently", "simultaneous", "simultaneously", "same moment", "same instant",
                            "same millisecond", "both passed", "both read", "in parallel", "parallel"],
         ["requests", "request", "checkout", "checkouts", "bookings", "booking", "redemptions", "redemption", "writes",
          "updates", "transactions", "clicks", "taps", "purchases", "orders", "balance", "stock", "inventory", "seat", "seats",
          "room", "rooms", "voucher", "coupon"]),
        ("decimal-precision", ["precision", "exponent", "exponents", "decimals", "rounded", "rounding", "truncated", "cents",
                               "pence", "float", "floats", "double"],
         ["currency", "currencies", "amount", "amounts", "price", "prices", "yen", "jpy", "dinar", "kwd", "bhd", "money",
          "minor", "decimal", "decimals", "fx", "exchange"]),
        ("cache-key", ["vary", "keyed"],
         ["cache", "cached", "caching", "cdn", "varnish", "fastly", "cloudflare", "akamai", "cookie", "header"]),
        ("config-drift", ["reverted", "overwrote", "overwritten", "overwrite", "undid", "undone"],
         ["manual", "manually", "terraform", "ansible", "puppet", "chef", "argo", "argocd", "flux", "gitops", "reconcile",
          "reconciled", "reconciler", "installer", "automation", "hotfix", "hand"]),
        ("ordering", ["ordering", "sequence"],
         ["events", "event", "messages", "message", "updates", "update", "webhook", "webhooks", "partition", "partitions",
          "consumers", "queue", "stream", "arrival", "arrived", "delivery", "delivered", "applied"]),
        ("capacity-ceiling", ["ceiling", "cap", "capped", "maximum", "max", "quota", "quotas"],
         ["replicas", "instances", "nodes", "workers", "autoscaler", "hpa", "keda", "scaling", "scale", "vcpu", "vcpus",
          "pods", "concurrency"]),
    ]
    /// How many words either side of a qualified word are searched for a qualifier.
    static let window = 4

    /// Words that, one or two words before a qualified word, deny it: "the
    /// volume was nowhere near full", "the key was not rotated", "didn't
    /// overflow" ("didn't" is "didn t"). Only qualified words are denied; a
    /// phrase that means its concept alone ("no space left") is kept.
    static let negations: Set<String> = ["not", "never", "nowhere", "t", "nor", "neither"]

    /// Phrases that evoke no concept, so that their words do not evoke one
    /// alone: a Kubernetes node pool is not a connection pool, log rotation
    /// is not a credential rotated.
    static let neutral: [String] = ["node pool", "node pools", "ip pool", "ip pools", "log rotation", "logs rotated",
                                    "log rotated", "backout plan"]

    /// Concept tokens (`~certificate`) in sorted order; phrases name them by position.
    static let tokens: [String] = {
        precondition(concepts.count <= 128, "forEachConcept keeps the concepts of a position in 128 bits")
        return concepts.keys.map { "~" + $0 }.sorted()
    }()
    /// Whether the concept at each position of `tokens` is a failure mode.
    static let isFailureMode: [Bool] = tokens.map(failureModes.contains)

    /// A phrase of the lexicon: its words, the position in `tokens` of the
    /// concept it evokes (-1: none), its number among all phrases, and the
    /// bit in `qualifierBits` that a word near it must have (0: none needed).
    struct Phrase: Sendable {
        var words: [String]
        var concept: Int
        var id: Int
        var qualifier: UInt64
    }

    /// First word → its phrases, longest first.
    static let index: [String: [Phrase]] = {
        var index: [String: [Phrase]] = [:]
        let position = Dictionary(uniqueKeysWithValues: tokens.enumerated().map { ($1, $0) })
        var entries: [(phrase: String, concept: Int, qualifier: UInt64)] = []
        for (concept, phrases) in concepts.sorted(by: { $0.key < $1.key }) {
            entries += phrases.map { ($0, position["~" + concept]!, 0) }
        }
        for (bit, gate) in qualified.enumerated() {
            entries += gate.words.map { ($0, position["~" + gate.concept]!, UInt64(1) << UInt64(bit)) }
        }
        entries += neutral.map { ($0, -1, 0) }
        for (id, entry) in entries.enumerated() {
            let words = entry.phrase.split(separator: " ").map(String.init)
            index[words[0], default: []].append(Phrase(words: words, concept: entry.concept, id: id, qualifier: entry.qualifier))
        }
        for key in index.keys {
            index[key]!.sort { ($0.words.count, $0.concept, $0.id) > ($1.words.count, $1.concept, $1.id) }
        }
        return index
    }()

    /// The number of phrases in `index`; phrase ids are below it.
    static let phraseCount: Int = index.values.reduce(0) { $0 + $1.count }

    /// Word → the bits of the gates (positions in `qualified`) it qualifies.
    static let qualifierBits: [String: UInt64] = {
        var bits: [String: UInt64] = [:]
        precondition(qualified.count <= 64, "one bit per gate")
        for (bit, gate) in qualified.enumerated() {
            for word in gate.near { bits[word, default: 0] |= UInt64(1) << UInt64(bit) }
        }
        return bits
    }()

    /// The concepts the lower-cased words evoke, one per matching phrase.
    static func concepts(in words: [String]) -> [String] {
        matches(in: words).map(\.concept)
    }

    /// The concept and phrase id of each phrase the lower-cased words match, in order.
    static func matches(in words: [String]) -> [(concept: String, phrase: Int)] {
        var found: [(concept: String, phrase: Int)] = []
        forEachConcept(in: words.count, word: { words[$0] }, phrases: { index[words[$0]] },
                       qualifiers: { qualifierBits[words[$0]] ?? 0 }) { found.append((tokens[$0], $1)) }
        return found
    }

    /// Calls `found` with the position in `tokens` of each concept evoked by
    /// the `count` words that `word` gives, and the id of the phrase that
    /// evokes it, one call per matching phrase and at most one per concept
    /// at a position (the longest); `phrases` gives the phrases
    /// starting at a position and `qualifiers` the `qualifierBits` of the word
    /// at a position. A neutral phrase evokes nothing but its words are passed over.
    static func forEachConcept(in count: Int, word: (Int) -> String, phrases: (Int) -> [Phrase]?,
                               qualifiers: (Int) -> UInt64, _ found: (Int, Int) -> Void) {
        var position = 0
        while position < count {
            var advance = 1
            if let candidates = phrases(position) {
                // Concepts already evoked from this position, as bits: the longest phrase names each once.
                var evoked: (low: UInt64, high: UInt64) = (0, 0)
                for candidate in candidates where position + candidate.words.count <= count
                    && candidate.words.indices.allSatisfy({ word(position + $0) == candidate.words[$0] }) {
                    if candidate.qualifier != 0 {
                        let near = max(0, position - window)..<min(count, position + candidate.words.count + window)
                        guard near.contains(where: { qualifiers($0) & candidate.qualifier != 0 }) else { continue }
                        guard !(max(0, position - 2)..<position).contains(where: { negations.contains(word($0)) }) else { continue }
                    }
                    if candidate.concept >= 0 {
                        let bit = UInt64(1) << UInt64(candidate.concept % 64)
                        let seen = candidate.concept < 64 ? evoked.low & bit : evoked.high & bit
                        if seen == 0 {
                            if candidate.concept < 64 { evoked.low |= bit } else { evoked.high |= bit }
                            found(candidate.concept, candidate.id)
                        }
                    }
                    advance = max(advance, candidate.words.count)
                }
            }
            position += advance
        }
    }
}

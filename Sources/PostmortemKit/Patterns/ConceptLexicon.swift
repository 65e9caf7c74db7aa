/// Words and phrases that name the same incident concept in different
/// words: "cert lapsed", "x509 expired", "ACME renewal stopped" all add the
/// concepts `~certificate` and `~expiry`. The concept tokens join the words
/// of a postmortem, so two write-ups of one problem share terms even when
/// their authors share no vocabulary. General SRE vocabulary, not tuned to
/// any corpus; the original words are kept too.
enum ConceptLexicon {
    /// Concept → the words and phrases (lower case, space-separated) that evoke it.
    static let concepts: [String: [String]] = [
        "name-mismatch": ["san", "sans", "subject alternative name", "subject alternative names", "hostname mismatch",
                          "wrong hostname", "common name", "name mismatch", "hostname missing"],
        "certificate": ["certificate", "certificates", "cert", "certs", "x509", "tls", "ssl", "mtls", "acme", "letsencrypt",
                        "lets encrypt", "cert manager", "pki", "keystore", "truststore", "intermediate ca", "root ca",
                        "certificate authority", "handshake"],
        "expiry": ["expire", "expired", "expires", "expiring", "expiry", "expiration", "lapse", "lapsed", "lapses", "lapsing",
                   "ran out", "notafter", "not after", "validity", "valid until", "out of date"],
        "renewal": ["renew", "renewed", "renewal", "renewals", "renewing", "reissue", "reissued", "rotate", "rotated", "rotation"],
        "connection-pool": ["connection pool", "connection pools", "pool", "pools", "pooler", "pgbouncer", "hikari", "hikaricp",
                            "max connections", "max_connections", "too many connections", "connection limit", "connection slots",
                            "connection slot", "client connections", "pool size", "pool exhaustion", "exhausted"],
        "database": ["database", "databases", "db", "postgres", "postgresql", "mysql", "rds", "aurora", "sql", "query", "queries"],
        "kafka": ["kafka", "broker", "brokers", "topic", "topics", "partition", "partitions", "consumer group", "consumer groups",
                  "consumer", "consumers", "offsets", "offset"],
        "rebalance": ["rebalance", "rebalancing", "rebalanced", "rebalances", "partition assignment", "reassignment", "reassign",
                      "group coordinator", "join group", "joingroup", "poll interval", "max poll", "heartbeat", "heartbeats",
                      "session timeout", "assignor", "churn"],
        "dns": ["dns", "resolver", "resolvers", "nxdomain", "servfail", "coredns", "kube dns", "ndots", "name resolution",
                "domain name", "route53", "nameserver", "nameservers", "cname", "a record", "records"],
        "disk": ["disk", "disks", "volume", "volumes", "no space", "out of space", "free space", "enospc", "inode", "inodes",
                 "disk full", "filesystem", "file system", "storage full", "ebs", "watermark", "flood stage", "diskpressure",
                 "disk pressure", "filled", "filling", "fills up", "full", "retention", "compaction", "wal", "write ahead log"],
        "memory": ["memory", "oom", "oomkilled", "oom killed", "out of memory", "heap", "leak", "leaked", "leaking", "leaks",
                   "memory leak", "rss", "garbage collection", "gc"],
        "rate-limit": ["rate limit", "rate limits", "rate limited", "rate limiting", "ratelimit", "quota", "quotas", "throttle",
                       "throttled", "throttling", "429", "too many requests"],
        "retry": ["retry", "retries", "retrying", "retried", "retry storm", "backoff", "thundering herd", "jitter"],
        "cache": ["cache", "caches", "cached", "caching", "redis", "memcached", "eviction", "evicted", "evictions", "stampede",
                  "cache miss", "cold cache", "warm up", "dogpile"],
        "deploy": ["deploy", "deployed", "deploys", "deployment", "rollout", "rolled out", "release", "released", "canary",
                   "rollback", "rolled back", "helm"],
        "feature-flag": ["feature flag", "feature flags", "flag", "flags", "toggle", "toggles", "launchdarkly", "kill switch"],
        "clock": ["clock", "clocks", "ntp", "chrony", "time drift", "clock skew", "skew", "drift", "drifting", "time sync",
                  "not yet valid", "timestamp"],
        "schedule": ["cron", "cronjob", "cron job", "crontab", "scheduled", "scheduler", "schedule", "batch", "nightly",
                     "overlap", "overlapped", "overlapping", "concurrent runs"],
        "queue": ["queue", "queues", "backlog", "sqs", "rabbitmq", "dead letter"],
        "lag": ["lag", "lagging", "consumer lag", "replication lag", "behind"],
        "replication": ["replica", "replicas", "replication", "failover", "read replica", "standby", "primary"],
        "network": ["network", "packet", "packet loss", "bgp", "mtu", "vpc", "firewall", "security group", "routing"],
        "load-balancer": ["load balancer", "lb", "alb", "elb", "nginx", "envoy", "ingress", "haproxy", "proxy", "proxies"],
        "autoscale": ["autoscaling", "autoscaler", "hpa", "scale up", "scale out", "scaled out", "scaling", "capacity"],
        "third-party": ["vendor", "provider", "upstream", "third party", "partner", "supplier", "saas"],
        "credential": ["auth", "authentication", "oauth", "token", "tokens", "jwt", "credential", "credentials", "secret",
                       "secrets", "api key", "api keys", "password", "sso", "iam"],
        "search": ["elasticsearch", "opensearch", "reindex", "shard", "shards", "synonym", "synonyms", "search index"],
        "migration": ["migration", "migrations", "schema change", "alter table", "ddl", "index dropped"],
        "timeout": ["timeout", "timeouts", "timed out", "deadline", "deadlines"],
    ]

    /// Concepts that name how something failed (as opposed to what it
    /// happened to): they count double, so that "certificate expired" and
    /// "certificate had the wrong hostname" stay apart.
    static let failureModes: Set<String> = [
        "~expiry", "~name-mismatch", "~connection-pool", "~rebalance", "~disk", "~memory", "~rate-limit", "~retry",
        "~clock", "~schedule", "~cache", "~timeout", "~lag",
    ]

    /// Concept tokens (`~certificate`) in sorted order; phrases name them by position.
    static let tokens: [String] = concepts.keys.map { "~" + $0 }.sorted()
    /// Whether the concept at each position of `tokens` is a failure mode.
    static let isFailureMode: [Bool] = tokens.map(failureModes.contains)

    /// First word → (phrase words, position in `tokens`), longest phrases first.
    static let index: [String: [(words: [String], concept: Int)]] = {
        var index: [String: [(words: [String], concept: Int)]] = [:]
        let position = Dictionary(uniqueKeysWithValues: tokens.enumerated().map { ($1, $0) })
        for (concept, phrases) in concepts {
            for phrase in phrases {
                let words = phrase.split(separator: " ").map(String.init)
                index[words[0], default: []].append((words, position["~" + concept]!))
            }
        }
        for key in index.keys {
            index[key]!.sort { ($0.words.count, $0.concept) > ($1.words.count, $1.concept) }
        }
        return index
    }()

    /// The concepts the lower-cased words evoke, one per matching phrase.
    static func concepts(in words: [String]) -> [String] {
        var found: [String] = []
        forEachConcept(in: words.count, word: { words[$0] }, phrases: { index[words[$0]] }) { found.append(tokens[$0]) }
        return found
    }

    /// Calls `found` with the position in `tokens` of each concept evoked by
    /// the `count` words that `word` gives, one per matching phrase;
    /// `phrases` gives the phrases starting at a position.
    static func forEachConcept(in count: Int, word: (Int) -> String, phrases: (Int) -> [(words: [String], concept: Int)]?,
                               _ found: (Int) -> Void) {
        var position = 0
        while position < count {
            var advance = 1
            if let candidates = phrases(position) {
                for candidate in candidates where position + candidate.words.count <= count
                    && candidate.words.indices.allSatisfy({ word(position + $0) == candidate.words[$0] }) {
                    found(candidate.concept)
                    advance = max(advance, candidate.words.count)
                }
            }
            position += advance
        }
    }
}

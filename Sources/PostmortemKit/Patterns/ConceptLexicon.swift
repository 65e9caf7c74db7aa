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
    static let concepts: [String: [String]] = [
        "name-mismatch": ["san", "sans", "subject alternative name", "subject alternative names", "hostname mismatch",
                          "wrong hostname", "common name", "name mismatch", "hostname missing"],
        "certificate": ["certificate", "certificates", "cert", "certs", "x509", "tls", "ssl", "mtls", "acme", "letsencrypt",
                        "lets encrypt", "cert manager", "pki", "keystore", "truststore", "intermediate ca", "root ca",
                        "certificate authority", "handshake"],
        "expiry": ["expire", "expired", "expires", "expiring", "expiry", "expiration", "lapse", "lapsed", "lapses", "lapsing",
                   "notafter", "not after", "validity", "valid until", "out of date"],
        "renewal": ["renew", "renewed", "renewal", "renewals", "renewing", "reissue", "reissued", "rotate", "rotated", "rotation"],
        "connection-pool": ["connection pool", "connection pools", "pool", "pools", "pooler", "pgbouncer", "hikari", "hikaricp",
                            "max connections", "max_connections", "connection limit", "client connections", "pool size",
                            "too many connections", "too many clients", "pool exhaustion", "pool exhausted", "connection slots",
                            "connection slot", "connection starvation"],
        "database": ["database", "databases", "db", "postgres", "postgresql", "mysql", "rds", "aurora", "sql", "query", "queries"],
        "kafka": ["kafka", "broker", "brokers", "topic", "topics", "partition", "partitions", "consumer group", "consumer groups",
                  "consumer", "consumers", "consumer offset", "consumer offsets", "committed offset", "committed offsets",
                  "offset commit", "offset commits", "offset reset"],
        "rebalance": ["rebalance", "rebalancing", "rebalanced", "rebalances", "partition assignment", "reassignment", "reassign",
                      "group coordinator", "join group", "joingroup", "poll interval", "max poll", "heartbeat", "heartbeats",
                      "session timeout", "assignor", "churn"],
        "dns": ["dns", "resolver", "resolvers", "nxdomain", "servfail", "coredns", "kube dns", "ndots", "name resolution",
                "domain name", "route53", "nameserver", "nameservers", "cname", "a record", "a records", "dns record", "dns records",
                "srv record", "srv records", "txt record", "txt records"],
        "disk": ["disk", "disks", "volume", "volumes", "inode", "inodes", "filesystem", "filesystems", "file system", "ebs",
                 "persistent volume", "disk partition", "retention", "compaction", "wal", "write ahead log", "free space", "disk space",
                 "disk usage"],
        "disk-full": ["no space", "out of space", "no space left", "enospc", "disk full",
                      "disks full", "volume full", "storage full", "filesystem full", "flood stage", "diskpressure", "disk pressure",
                      "inode exhaustion", "nodefs"],
        "memory": ["memory", "oom", "oomkilled", "oom killed", "out of memory", "heap", "leak", "leaked", "leaking", "leaks",
                   "memory leak", "rss", "garbage collection", "gc"],
        "rate-limit": ["rate limit", "rate limits", "rate limited", "rate limiting", "ratelimit", "quota", "quotas", "throttle",
                       "throttled", "throttling", "429", "too many requests"],
        "retry": ["retry", "retries", "retrying", "retried", "backoff", "jitter", "retry storm", "retry storms", "thundering herd",
                  "retry amplification"],
        "cache": ["cache", "caches", "cached", "caching", "redis", "memcached"],
        "cache-miss": ["cache eviction", "cache evictions", "stampede", "cache miss", "cache misses", "cold cache", "warm up", "dogpile"],
        "deploy": ["deploy", "deployed", "deploys", "deployment", "rollout", "rolled out", "release", "released", "canary",
                   "rollback", "rolled back", "helm"],
        "feature-flag": ["feature flag", "feature flags", "flag", "flags", "toggle", "toggles", "launchdarkly", "kill switch"],
        "clock": ["clock", "clocks", "ntp", "chrony", "time sync", "timestamp", "time drift", "clock skew", "clock drift", "skew",
                  "drift", "drifting", "not yet valid"],
        "schedule": ["cron", "cronjob", "cron job", "crontab", "scheduled", "scheduler", "schedule", "batch", "nightly", "overlap",
                     "overlapped", "overlapping", "concurrent runs"],
        "queue": ["queue", "queues", "backlog", "sqs", "rabbitmq", "dead letter"],
        "lag": ["lag", "lagging", "consumer lag", "replication lag", "fell behind", "falling behind", "falls behind", "fallen behind"],
        "replication": ["replication", "failover", "read replica", "read replicas", "standby", "primary"],
        "network": ["network", "network partition", "network partitions", "packet", "packet loss", "bgp", "mtu", "vpc", "firewall", "security group", "routing"],
        "load-balancer": ["load balancer", "lb", "alb", "elb", "nginx", "envoy", "ingress", "haproxy", "proxy", "proxies"],
        "autoscale": ["autoscaling", "autoscaler", "hpa", "scale up", "scale out", "scaled out", "scaling"],
        "third-party": ["vendor", "provider", "upstream", "third party", "partner", "supplier", "saas"],
        "credential": ["auth", "authentication", "oauth", "token", "tokens", "jwt", "credential", "credentials", "secret",
                       "secrets", "api key", "api keys", "password", "sso", "iam"],
        "search": ["elasticsearch", "opensearch", "reindex", "shard", "shards", "synonym", "synonyms", "search index"],
        "migration": ["migration", "migrations", "schema change", "alter table", "ddl", "index dropped"],
        "timeout": ["timeout", "timeouts", "timed out", "deadline exceeded", "deadline_exceeded", "context deadline"],
    ]

    /// Concepts that name how something failed, not what it happened to
    /// ("~disk-full", not "~disk"; "~cache-miss", not "~cache"): they count
    /// double, so that "certificate expired" and "certificate had the wrong
    /// hostname" stay apart, and they alone make a document's failure modes
    /// (`PatternDocument.failureModes`), which join one failure in different
    /// components. A phrase that names a thing ("redis", "volume") belongs
    /// to a component concept even when that thing is often what fails.
    static let failureModes: Set<String> = [
        "~expiry", "~name-mismatch", "~connection-pool", "~rebalance", "~disk-full", "~memory", "~rate-limit", "~retry",
        "~clock", "~schedule", "~cache-miss", "~timeout", "~lag",
    ]

    /// Words that name a concept only within `window` words of a word that
    /// fixes their sense: "full" is a disk filling up next to "disk" or
    /// "volume", and nothing in "a full GC" or "full jitter"; "evicted" is a
    /// cache next to "cache" or "keys", not a pod or a Kafka consumer.
    /// Concept → (words, the words that qualify them).
    static let qualified: [String: (words: [String], near: [String])] = [
        "disk-full": (["full", "filled", "filling", "fill", "fills", "ran out", "run out", "runs out", "running out", "exhausted",
                       "exhaustion", "watermark", "watermarks"],
                      ["disk", "disks", "volume", "volumes", "filesystem", "filesystems", "space", "inode", "inodes", "storage"]),
        "connection-pool": (["exhausted", "exhaustion", "ran out", "running out", "starved", "starvation"],
                            ["pool", "pools", "connection", "connections", "slot", "slots"]),
        "memory": (["exhausted", "exhaustion", "ran out", "running out"], ["memory", "heap", "ram"]),
        "cache-miss": (["evicted", "eviction", "evictions", "evicting"], ["cache", "caches", "cached", "key", "keys", "redis", "memcached", "lru"]),
        "kafka": (["offset", "offsets"], ["kafka", "consumer", "consumers", "topic", "topics", "partition", "partitions", "commit", "committed"]),
        "replication": (["replica", "replicas"], ["database", "databases", "db", "postgres", "postgresql", "mysql", "read", "primary",
                                                   "standby", "failover", "promoted", "replication", "lag", "sync", "isr", "broker", "brokers"]),
    ]
    /// How many words either side of a qualified word are searched for a qualifier.
    static let window = 4

    /// Phrases that evoke no concept, so that their words do not evoke one
    /// alone: a Kubernetes node pool is not a connection pool.
    static let neutral: [String] = ["node pool", "node pools", "ip pool", "ip pools"]

    /// Concept tokens (`~certificate`) in sorted order; phrases name them by position.
    static let tokens: [String] = concepts.keys.map { "~" + $0 }.sorted()
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
        for (bit, concept) in qualified.keys.sorted().enumerated() {
            entries += qualified[concept]!.words.map { ($0, position["~" + concept]!, UInt64(1) << UInt64(bit)) }
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

    /// Word → the bits of the qualified concepts it qualifies (see `qualified`).
    static let qualifierBits: [String: UInt64] = {
        var bits: [String: UInt64] = [:]
        for (bit, concept) in qualified.keys.sorted().enumerated() {
            for word in qualified[concept]!.near { bits[word, default: 0] |= UInt64(1) << UInt64(bit) }
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
    /// evokes it, one call per matching phrase; `phrases` gives the phrases
    /// starting at a position and `qualifiers` the `qualifierBits` of the word
    /// at a position. A neutral phrase evokes nothing but its words are passed over.
    static func forEachConcept(in count: Int, word: (Int) -> String, phrases: (Int) -> [Phrase]?,
                               qualifiers: (Int) -> UInt64, _ found: (Int, Int) -> Void) {
        var position = 0
        while position < count {
            var advance = 1
            if let candidates = phrases(position) {
                for candidate in candidates where position + candidate.words.count <= count
                    && candidate.words.indices.allSatisfy({ word(position + $0) == candidate.words[$0] }) {
                    if candidate.qualifier != 0 {
                        let near = max(0, position - window)..<min(count, position + candidate.words.count + window)
                        guard near.contains(where: { qualifiers($0) & candidate.qualifier != 0 }) else { continue }
                    }
                    if candidate.concept >= 0 { found(candidate.concept, candidate.id) }
                    advance = max(advance, candidate.words.count)
                }
            }
            position += advance
        }
    }
}

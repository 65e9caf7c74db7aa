import Testing
@testable import PostmortemKit

struct ConceptLexiconTests {
    static func concepts(_ text: String) -> Set<String> {
        Set(ConceptLexicon.concepts(in: TextVectorizer.words(text)))
    }

    /// One failure mode told in words that share little, and sentences that
    /// share its vocabulary but not the failure.
    struct Case: Sendable, CustomTestStringConvertible {
        var mode: String
        var wordings: [String]
        var confusables: [String]
        var testDescription: String { mode }
    }

    static let cases: [Case] = [
        Case(mode: "~credential-rotation",
             wordings: ["Vault rotated the database password and the service kept using the old one.",
                        "Key hygiene automation deactivated the IAM access key that the export job still read.",
                        "The OAuth client secret was regenerated; pods in the other region presented the stale secret.",
                        "Our signing keys were revoked before every consumer had the new key."],
             confusables: ["Log rotation removed the file the agent was tailing.",
                           "The certificate was renewed and rotated onto the load balancer.",
                           "The API key was exposed in a public repository and replaced within the hour."]),
        Case(mode: "~secret-exposure",
             wordings: ["A token was exposed in a build log.", "The vendor API key leaked through a public gist.",
                        "Secret scanning found a password in the public repo."],
             confusables: ["The token endpoint returned 500s.", "Heap memory leaked until the pods were killed."]),
        Case(mode: "~poison-message",
             wordings: ["One malformed message was requeued and redelivered thousands of times.",
                        "With no redrive policy and no DLQ, SQS kept handing the worker the same undeletable message.",
                        "The consumer nacked the event, which went straight back to the head of the queue.",
                        "MQ had no backout threshold, so the transaction rolled the message back onto the queue for ever."],
             confusables: ["The queue backlog grew while the consumers were scaled to zero.",
                           "Kafka consumer lag grew during the rebalance.",
                           "The change had no backout plan."]),
        Case(mode: "~memory-leak",
             wordings: ["Heap usage grew steadily for five days until the JVM threw OutOfMemoryError.",
                        "Event listeners were never removed, so RSS kept growing until the OOM killer struck.",
                        "An unbounded in-process cache held an entry for every session.",
                        "Goroutines leaked on every cancelled request."],
             confusables: ["Pods were OOMKilled at start-up because the memory limit was set too low.",
                           "The pool leaked connections on the error path.",
                           "The vendor API key leaked through a public gist."]),
        Case(mode: "~undersized",
             wordings: ["The memory limit was set too low for the service's working set.",
                        "A renamed values key left the pods on the chart's default memory limit.",
                        "The pool size was too small for the new traffic."],
             confusables: ["Heap usage grew steadily until the container hit its limit.",
                           "Memory ran low on the node."]),
        Case(mode: "~connection-pool",
             wordings: ["Connections were never returned to the pool after an exception.",
                        "HikariCP timed out waiting for a connection.", "Postgres said: too many clients already."],
             confusables: ["Two nodes in the shared node pool were drained.", "The Kafka consumer's retries were exhausted."]),
        Case(mode: "~calendar",
             wordings: ["Standing orders ran twice when the clocks went back an hour.",
                        "The accrual job was scheduled in the hour that did not exist at the DST transition.",
                        "A hard-coded UTC offset was wrong after the switch from summer time.",
                        "Billing broke on February 29 in a leap year."],
             confusables: ["NTP stopped and the node clocks drifted by 40 seconds.",
                           "Consumers reset their committed offsets to the earliest position.",
                           "We fell back to the secondary provider."]),
        Case(mode: "~clock",
             wordings: ["chrony was stopped and the node clock drifted.", "Clock skew made tokens not yet valid.",
                        "A leap second smear was applied to only half the fleet."],
             confusables: ["Configuration drift between the two clusters went unnoticed.",
                           "Data skew put most keys on one partition."]),
        Case(mode: "~split-brain",
             wordings: ["Two scheduler replicas both believed they were leader.",
                        "A network partition left both primaries accepting writes.", "The lease expired and split brain followed."],
             confusables: ["The service was scaled to two replicas.", "The primary database was slow."]),
        Case(mode: "~retry-storm",
             wordings: ["Clients retried immediately without backoff, amplifying the load.",
                        "A thundering herd of reconnects hit the broker.", "Retries with no jitter synchronised across pods."],
             confusables: ["The upload job retried once and succeeded."]),
        Case(mode: "~rate-limit",
             wordings: ["The SMS provider throttled our API calls.", "We exceeded the account's quota.",
                        "The vendor answered with too many requests."],
             confusables: ["CPU throttling slowed the CoreDNS pods."]),
        Case(mode: "~lock-contention",
             wordings: ["The ALTER TABLE took an ACCESS EXCLUSIVE lock.", "The migration locked the orders table for minutes.",
                        "Two transactions deadlocked on every retry."],
             confusables: ["Users were locked out of their accounts after three attempts."]),
        Case(mode: "~replication-lag",
             wordings: ["The read replica was minutes behind the primary and served stale reads.",
                        "Replication lag grew past ten minutes."],
             confusables: ["Consumer lag grew on the payments topic."]),
        Case(mode: "~gc-pause",
             wordings: ["Stop-the-world pauses froze the JVM.", "Long GC pauses exceeded the session timeout."],
             confusables: ["Back-off with full jitter spread the retries."]),
        Case(mode: "~cache-miss",
             wordings: ["The Redis cache was flushed and every request went to the database.",
                        "A cache stampede followed when the hot keys were evicted."],
             confusables: ["The kubelet evicted the ingester pods."]),
        Case(mode: "~socket-exhaustion",
             wordings: ["The NAT gateway ran out of ephemeral ports.", "The proxy hit too many open files.",
                        "The conntrack table was full on busy nodes."],
             confusables: ["Parallel A and AAAA queries raced in conntrack and one reply was dropped."]),
        Case(mode: "~concurrent-run",
             wordings: ["The nightly export overlapped with the previous run.", "Two executions of the cron job ran concurrently."],
             confusables: ["The identity provider gives the old and new secret no overlap window."]),
        Case(mode: "~integer-overflow",
             wordings: ["The order id column was a 32-bit INT and hit its maximum.",
                        "The counter wrapped around to a negative number after a month of uptime.",
                        "A signed int32 field overflowed when the total passed two billion.",
                        "We widened the key to BIGINT."],
             confusables: ["The invoice counter was read from a lagging replica and gave duplicates.",
                           "The Redis counter drifted upwards as stop events were lost.",
                           "The text wrapped badly on small screens."]),
        Case(mode: "~health-check",
             wordings: ["The liveness probe called Redis, so every pod restarted during the failover.",
                        "HAProxy marked every backend down when its httpchk timed out.",
                        "The load balancer judged all instances unhealthy at once.",
                        "Readiness required the search cluster to be green."],
             confusables: ["The synthetic probe from the monitoring vendor reported latency."]),
        Case(mode: "~retry-storm",
             wordings: ["Three retry layers multiplied every failed call by 27.",
                        "The apps re-attempted the refresh in a tight loop with no backoff.",
                        "Players kept reloading the playlist immediately after each error, and the retries multiplied."],
             confusables: ["The job retried once and succeeded."]),
        Case(mode: "~disk-full",
             wordings: ["The scratch disks slowly filled with orphaned files.",
                        "The instance's allocated storage was used up by retained WAL.",
                        "Kubelet evicted the pods for exceeding their ephemeral storage limit.",
                        "Indices went read only when the disk crossed the flood stage watermark."],
             confusables: ["The volume was nowhere near full; the EBS volume itself was impaired.",
                           "The disk was not full."]),
        Case(mode: "~lock-contention",
             wordings: ["The ALTER waited for a metadata lock and every query queued behind it.",
                        "Adding a column with a volatile default rewrote the table.",
                        "The migration took an exclusive lock on the orders table."],
             confusables: ["A backfill with a precedence bug wrote the wrong values."]),
        Case(mode: "~disruption",
             wordings: ["The node group upgrade drained every pod at once.",
                        "The service had no PodDisruptionBudget, so all replicas were evicted together."],
             confusables: ["The queue drained within minutes once consumers were back."]),
        Case(mode: "~config-push",
             wordings: ["A bad config push reached every region at once.", "The flag flip was applied to all tenants."],
             confusables: ["The build flags were wrong for ARM."]),
    ]

    @Test(arguments: cases)
    func differentWordingsOfOneFailureModeShareIt(_ example: Case) {
        #expect(ConceptLexicon.failureModes.contains(example.mode))
        for wording in example.wordings {
            #expect(Self.concepts(wording).contains(example.mode), "\(wording)")
        }
        for confusable in example.confusables {
            #expect(!Self.concepts(confusable).contains(example.mode), "\(confusable)")
        }
    }

    @Test func aLeakAndALimitSetTooLowAreDifferentFailureModesOfMemory() {
        let leak = Self.concepts("Heap usage grew steadily until the JVM ran out of memory.")
        let limit = Self.concepts("Pods were OOMKilled because the memory limit was set too low.")
        #expect(leak.isSuperset(of: ["~memory", "~memory-leak"]))
        #expect(limit.isSuperset(of: ["~memory", "~undersized"]))
        #expect(!leak.contains("~undersized"))
        #expect(!limit.contains("~memory-leak"))
        // Memory is what failed in both, not how.
        #expect(!ConceptLexicon.failureModes.contains("~memory"))
    }

    @Test func symptomsThatManyFailuresCauseAreNotFailureModes() {
        for symptom in ["~lag", "~overload", "~retry", "~duplicate", "~load"] {
            #expect(ConceptLexicon.tokens.contains(symptom))
            #expect(!ConceptLexicon.failureModes.contains(symptom))
        }
    }

    @Test func aNegatedQualifiedWordEvokesNothing() {
        #expect(Self.concepts("The disk filled up.").contains("~disk-full"))
        #expect(!Self.concepts("The disk never filled up.").contains("~disk-full"))
        #expect(!Self.concepts("The counter didn't overflow.").contains("~integer-overflow"))
        // A phrase that means its concept alone is not denied by a word before it.
        #expect(Self.concepts("It was not the usual no space left on device.").contains("~disk-full"))
    }

    @Test func aHeartbeatIsARebalanceOnlyNearKafka() {
        #expect(!Self.concepts("The players send a heartbeat every 30 seconds.").contains("~rebalance"))
        #expect(Self.concepts("The consumer missed its heartbeat and the group rebalanced.").contains("~rebalance"))
    }

    @Test func aPositionEvokesEachConceptOnce() {
        // "pool size" and "pool" both name a connection pool from the same word.
        #expect(ConceptLexicon.concepts(in: ["pool", "size"]) == ["~connection-pool"])
        // A component and a failure mode from one phrase are both kept.
        #expect(Set(ConceptLexicon.concepts(in: ["memory", "leak"])) == ["~memory", "~memory-leak"])
    }

    @Test func everyPhraseCanMatchTokenizedText() {
        // A phrase whose words the tokenizer changes or drops ("429", "dead-letter") would never match.
        let phrases = ConceptLexicon.concepts.values.joined() + ConceptLexicon.qualified.flatMap(\.words)
            + ConceptLexicon.qualified.flatMap(\.near) + ConceptLexicon.neutral
        for phrase in phrases {
            #expect(TextVectorizer.words(phrase) == phrase.split(separator: " ").map(String.init), "\(phrase)")
        }
    }

    @Test func everyGateNamesAKnownConceptAndFitsItsBit() {
        #expect(ConceptLexicon.qualified.count <= 64)
        for gate in ConceptLexicon.qualified {
            #expect(ConceptLexicon.concepts[gate.concept] != nil, "\(gate.concept)")
            // Qualifiers are compared word by word.
            #expect(gate.near.allSatisfy { !$0.contains(" ") }, "\(gate.concept)")
        }
        #expect(ConceptLexicon.failureModes.allSatisfy { ConceptLexicon.tokens.contains($0) })
    }
}

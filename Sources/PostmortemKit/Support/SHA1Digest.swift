import CCrypto

/// SHA-1 through OpenSSL's libcrypto, the one file that imports it. Used
/// for git blob ids (`GitRepository.blobID`) and so for every cache key:
/// with the CPU's SHA instructions it hashes 85 MB in 0.07 s, where
/// libgit2's collision-detecting SHA-1 took 0.25 s. A key needs no
/// collision detection: its inputs are the repository's own files.
enum SHA1Digest {
    /// The algorithm, fetched once (fetching it per digest costs more than hashing a small key).
    nonisolated(unsafe) private static let algorithm: OpaquePointer? = EVP_MD_fetch(nil, "SHA1", nil)

    /// The 40 lower-case hex digits of SHA-1 over `prefix` then `bytes`.
    static func hex(prefix: [UInt8], _ bytes: UnsafeRawBufferPointer) -> String {
        guard let algorithm, let context = EVP_MD_CTX_new() else { fatalError("libcrypto has no SHA-1") }
        defer { EVP_MD_CTX_free(context) }
        var digest = [UInt8](repeating: 0, count: 20)
        var length: UInt32 = 0
        let ok = EVP_DigestInit_ex(context, algorithm, nil) == 1
            && prefix.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, $0.count) } == 1
            && (bytes.isEmpty || EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) == 1)
            && EVP_DigestFinal_ex(context, &digest, &length) == 1
        precondition(ok && length == 20, "libcrypto's SHA-1 failed")
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 40) { buffer in
            for (index, byte) in digest.enumerated() {
                buffer[2 * index] = digits[Int(byte >> 4)]
                buffer[2 * index + 1] = digits[Int(byte & 15)]
            }
            return 40
        }
    }
}

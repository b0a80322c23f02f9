import AuthHeroCore
import Testing

/// Vectors computed with Python's `hashlib` for the password `correct horse` and the salt `NaCl-salt`; the `$2y$`
/// vector is the one in PHP's `password_verify` documentation (password `rasmuslerdorf`).
@Suite struct ImportedPasswordHashTests {
    let password = "correct horse"

    func custom(
        _ algorithm: String, _ value: String, encoding: String? = nil, salt: CustomPasswordHash.Salt? = nil
    ) throws -> ImportedPasswordHash {
        try ImportedPasswordHash(
            custom: CustomPasswordHash(
                algorithm: algorithm, hash: .init(value: value, encoding: encoding), salt: salt))
    }

    /// Parses, stores and reads back a hash, then checks the right and a wrong password against the stored form.
    func expectVerifiesThroughStorage(_ hash: ImportedPasswordHash) {
        let stored = ImportedPasswordHash(stored: hash.storedForm)
        #expect(stored == hash)
        #expect(stored?.verify(password) == true)
        #expect(stored?.verify(password + "!") == false)
        #expect(PasswordHasher(cost: 4).verify(password, hash: hash.storedForm))
        #expect(PasswordHasher(cost: 4).needsRehash(hash.storedForm))
    }

    @Test func pbkdf2SHA256PHCStringVerifies() throws {
        expectVerifiesThroughStorage(
            try custom(
                "pbkdf2", "$pbkdf2-sha256$i=1000,l=32$TmFDbC1zYWx0$8GgLOauGHBHN5T42RKUyaja0mZxgcCvctsjbYuP7E8Y",
                encoding: "utf8"))
    }

    @Test func pbkdf2SHA512PHCStringVerifies() throws {
        expectVerifiesThroughStorage(
            try custom(
                "pbkdf2",
                "$pbkdf2-sha512$i=1000,l=64$TmFDbC1zYWx0$GV1wzpLCG9hcDMi0/Ua2xx+b6ZOez94QwI1EaxUgH35jvqugtWfkesHC90onSH4VbmHPaXqgcOONRF3tonTK/Q"
            ))
    }

    @Test func sha256WithPrefixSaltInHexVerifies() throws {
        expectVerifiesThroughStorage(
            try custom(
                "sha256", "da77852e5c9e71943e8f29b1bbc74cb43a33e893a200022b636048e5c9769659", encoding: "hex",
                salt: .init(value: "NaCl-salt", encoding: "utf8", position: "prefix")))
    }

    @Test func sha512WithSuffixSaltInBase64Verifies() throws {
        expectVerifiesThroughStorage(
            try custom(
                "sha512",
                "XIYC0c+ZpS2VSQxifYc3iCkh8JLBMA+G05Ut42yLDFyCDads+5rOmsHT5RAjiq6YaJljhn9wpqhfHabgY2obOA==",
                encoding: "base64", salt: .init(value: "NaCl-salt", position: "suffix")))
    }

    @Test func saltGivenInHexIsDecodedBeforeHashing() throws {
        expectVerifiesThroughStorage(
            try custom(
                "sha256", "b63f6cc8e5d1e76f1b171d6cf4b4628702c948253b5d049b8e31665bb69ba898", encoding: "hex",
                salt: .init(value: "deadbeef", encoding: "hex", position: "prefix")))
    }

    @Test func unsaltedMD5Verifies() throws {
        expectVerifiesThroughStorage(try custom("md5", "3cb4e732631f47e6eb961f34554b7cde", encoding: "hex"))
    }

    @Test func sha1WithPrefixSaltVerifies() throws {
        expectVerifiesThroughStorage(
            try custom(
                "sha1", "b703c3930cca0c7416cb842152c6d19fb9778d7c", encoding: "hex",
                salt: .init(value: "NaCl-salt", position: "prefix")))
    }

    @Test func bcrypt2yIsRelabelled2bAndVerifies() throws {
        let hash = try ImportedPasswordHash(
            passwordHash: "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a")
        #expect(hash.storedForm == "$2b$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a")
        #expect(hash.verify("rasmuslerdorf"))
        #expect(!hash.needsRehash)
        #expect(PasswordHasher().verify("rasmuslerdorf", hash: hash.storedForm))
    }

    @Test func bcrypt2aAnd2bAreKeptAsTheyAre() throws {
        let server = PasswordHasher(cost: 4).hash(password)
        let twoA = "$2a" + server.dropFirst(3)
        #expect(try ImportedPasswordHash(passwordHash: server).storedForm == server)
        #expect(try ImportedPasswordHash(passwordHash: twoA).storedForm == twoA)
        #expect(try custom("bcrypt", server).verify(password))
    }

    @Test func unknownAlgorithmIsATypedError() {
        #expect(throws: ImportedPasswordHashError.unsupportedAlgorithm("whirlpool")) {
            try custom("whirlpool", "00")
        }
        #expect(throws: ImportedPasswordHashError.unsupportedAlgorithm("pbkdf2-whirlpool")) {
            try custom("pbkdf2", "$pbkdf2-whirlpool$i=1000,l=32$TmFDbC1zYWx0$AAAA")
        }
    }

    @Test func malformedHashesAreTypedErrors() {
        let cases: [() throws -> ImportedPasswordHash] = [
            { try ImportedPasswordHash(passwordHash: "$2x$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a") },
            { try ImportedPasswordHash(passwordHash: "$2b$31$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a") },
            { try ImportedPasswordHash(passwordHash: "not a hash") },
            { try custom("sha256", "abc", encoding: "hex") },
            { try custom("md5", "3cb4e732631f47e6eb961f34554b7cde", encoding: "utf8") },
            { try custom("sha256", String(repeating: "0", count: 64), salt: .init(value: "x", position: "middle")) },
            {
                try custom("pbkdf2", "$pbkdf2-sha256$i=0,l=32$TmFDbC1zYWx0$8GgLOauGHBHN5T42RKUyaja0mZxgcCvctsjbYuP7E8Y")
            },
            {
                try custom(
                    "pbkdf2", "$pbkdf2-sha256$i=99999999$TmFDbC1zYWx0$8GgLOauGHBHN5T42RKUyaja0mZxgcCvctsjbYuP7E8Y")
            },
            {
                try custom(
                    "pbkdf2", "$pbkdf2-sha256$i=1000,l=16$TmFDbC1zYWx0$8GgLOauGHBHN5T42RKUyaja0mZxgcCvctsjbYuP7E8Y")
            },
            { try custom("pbkdf2", "pbkdf2-sha256") },
        ]
        for make in cases {
            #expect(throws: ImportedPasswordHashError.self) { try make() }
        }
    }

    // The argon2 vectors were made with Debian's `argon2` command (the reference implementation), e.g.
    // `echo -n 'correct horse' | argon2 somesaltvalue -id -t 2 -m 12 -p 1 -e`; the argon2i one is the example in the
    // reference implementation's README (password `password`).
    @Test(arguments: [
        "$argon2id$v=19$m=4096,t=2,p=1$c29tZXNhbHR2YWx1ZQ$KuSzrzEZymyqpX5Ob0lOV1+WFimwki7j08sxMLRsr3g",
        "$argon2d$v=19$m=1024,t=1,p=2$c29tZXNhbHR2YWx1ZQ$AkdHn3JNyDpRjS6MfmE7xlgccGoKYFsHTP5aqBdjroU",
        "$argon2id$v=16$m=4096,t=2,p=1$c29tZXNhbHR2YWx1ZQ$RnYOBvCO1S1NdqkKof0E30q+Xa5bcvjy1H2bDnSRhv8",
    ])
    func argon2PHCStringsVerify(_ phc: String) throws {
        // This repository builds the runtime with its Argon2 trait; without it these would be unsupported.
        #expect(Argon2Hash.isAvailable)
        let hash = try custom("argon2", phc, encoding: "utf8")
        #expect(hash.storedForm == phc)
        expectVerifiesThroughStorage(hash)
    }

    @Test func argon2iReferenceVectorVerifies() throws {
        let hash = try custom("argon2", "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG")
        #expect(hash.verify("password"))
        #expect(!hash.verify("Password"))
    }

    @Test func argon2ParametersOutsideTheBoundsAreRefusedAtImport() {
        let salt = "c29tZXNhbHR2YWx1ZQ"
        let digest = "KuSzrzEZymyqpX5Ob0lOV1+WFimwki7j08sxMLRsr3g"
        let refused = [
            "$argon2id$v=19$m=1048576,t=2,p=1$\(salt)$\(digest)",  // 1 GiB per login
            "$argon2id$v=19$m=4096,t=100,p=1$\(salt)$\(digest)",
            "$argon2id$v=19$m=4096,t=2,p=64$\(salt)$\(digest)",
            "$argon2id$v=19$m=4096,t=2$\(salt)$\(digest)",
            "$argon2id$v=18$m=4096,t=2,p=1$\(salt)$\(digest)",
            "$argon2x$v=19$m=4096,t=2,p=1$\(salt)$\(digest)",
            "$argon2id$v=19$m=4096,t=2,p=1$c2FsdA$\(digest)",  // a 4-byte salt
            "$argon2id$v=19$m=4096,t=2,p=1$\(salt)$!!",
        ]
        for phc in refused {
            #expect(throws: ImportedPasswordHashError.self, "\(phc)") { try custom("argon2", phc) }
        }
        #expect(throws: ImportedPasswordHashError.self) {
            try custom("argon2", "$argon2id$v=19$m=4096,t=2,p=1$\(salt)$\(digest)", salt: .init(value: "extra"))
        }
    }

    @Test func argon2WithoutTheTraitSaysHowToEnableIt() {
        let message = ImportedPasswordHashError.unsupportedAlgorithm("argon2").description
        #expect(message.contains("Argon2 trait"))
        #expect(message.contains("libargon2-dev"))
    }

    @Test func serverBcryptIsNotReadAsImported() {
        let server = PasswordHasher(cost: 4).hash(password)
        #expect(ImportedPasswordHash(stored: server) == nil)
        #expect(!PasswordHasher(cost: 4).needsRehash(server))
    }
}

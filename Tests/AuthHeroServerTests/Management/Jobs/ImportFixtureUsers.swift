import Foundation

/// A users file in Auth0's bulk-import format with one password of each supported hash kind. The vectors were made
/// with Python's `hashlib` for the password `correct horse` and the salt `NaCl-salt`; the `$2y$` hash is the one in
/// PHP's `password_verify` documentation (password `rasmuslerdorf`); the argon2id one was made with Debian's `argon2`
/// command (`echo -n 'correct horse' | argon2 somesaltvalue -id -t 2 -m 12 -p 1 -e`).
enum ImportFixtureUsers {
    static let password = "correct horse"
    static let bcryptPassword = "rasmuslerdorf"

    /// Each hash kind: its name, the members it adds to a user, and the password it was made from.
    static let kinds: [(name: String, members: String, password: String)] = [
        (
            "bcrypt-2y", #""password_hash":"$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a""#,
            bcryptPassword
        ),
        (
            "pbkdf2-sha256",
            #""custom_password_hash":{"algorithm":"pbkdf2","hash":{"value":"$pbkdf2-sha256$i=1000,l=32$TmFDbC1zYWx0$8GgLOauGHBHN5T42RKUyaja0mZxgcCvctsjbYuP7E8Y","encoding":"utf8"}}"#,
            password
        ),
        (
            "pbkdf2-sha512",
            #""custom_password_hash":{"algorithm":"pbkdf2","hash":{"value":"$pbkdf2-sha512$i=1000,l=64$TmFDbC1zYWx0$GV1wzpLCG9hcDMi0/Ua2xx+b6ZOez94QwI1EaxUgH35jvqugtWfkesHC90onSH4VbmHPaXqgcOONRF3tonTK/Q","encoding":"utf8"}}"#,
            password
        ),
        (
            "sha256-prefix",
            #""custom_password_hash":{"algorithm":"sha256","hash":{"value":"da77852e5c9e71943e8f29b1bbc74cb43a33e893a200022b636048e5c9769659","encoding":"hex"},"salt":{"value":"NaCl-salt","encoding":"utf8","position":"prefix"}}"#,
            password
        ),
        (
            "sha512-suffix",
            #""custom_password_hash":{"algorithm":"sha512","hash":{"value":"XIYC0c+ZpS2VSQxifYc3iCkh8JLBMA+G05Ut42yLDFyCDads+5rOmsHT5RAjiq6YaJljhn9wpqhfHabgY2obOA==","encoding":"base64"},"salt":{"value":"NaCl-salt","position":"suffix"}}"#,
            password
        ),
        (
            "argon2id",
            #""custom_password_hash":{"algorithm":"argon2","hash":{"value":"$argon2id$v=19$m=4096,t=2,p=1$c29tZXNhbHR2YWx1ZQ$KuSzrzEZymyqpX5Ob0lOV1+WFimwki7j08sxMLRsr3g","encoding":"utf8"}}"#,
            password
        ),
        (
            "md5",
            #""custom_password_hash":{"algorithm":"md5","hash":{"value":"3cb4e732631f47e6eb961f34554b7cde","encoding":"hex"}}"#,
            password
        ),
    ]

    /// The email of user `index`.
    static func email(_ index: Int) -> String { "user\(index)@import.example" }

    /// `count` users, the hash kinds taken in turn, each with `user_id` `imported-<index>`.
    static func file(count: Int) -> String {
        let users = (0..<count).map { index in
            let kind = kinds[index % kinds.count]
            return
                #"{"user_id":"imported-\#(index)","email":"\#(email(index))","email_verified":true,"name":"User \#(index)","user_metadata":{"kind":"\#(kind.name)"},\#(kind.members)}"#
        }
        return "[" + users.joined(separator: ",") + "]"
    }
}

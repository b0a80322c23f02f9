public let new = 2

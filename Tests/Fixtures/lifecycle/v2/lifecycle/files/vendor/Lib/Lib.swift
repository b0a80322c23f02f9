public let lib = 2

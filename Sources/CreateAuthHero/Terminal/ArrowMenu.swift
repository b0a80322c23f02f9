import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pick-one list for terminals that allow it: ↑/↓ move, typing a number jumps to that entry,
/// Enter confirms. Numbers work everywhere; the arrows are a convenience on top.
struct ArrowMenu {
    /// One short line per entry (redrawing relies on each fitting on one line).
    let items: [String]
    /// The longer text shown under the list for the highlighted entry.
    let details: [String]

    /// Whether stdin is a terminal that understands cursor movement.
    static var supported: Bool {
        guard isatty(STDIN_FILENO) == 1, let term = ProcessInfo.processInfo.environment["TERM"] else { return false }
        return !term.isEmpty && term != "dumb"
    }

    /// Shows the list under `prompt` and returns the chosen index.
    /// - Throws: ``Prompter/InputEnded`` at end of input or Ctrl-D.
    func choose(prompt: String) throws -> Int {
        try Terminal.withMode({ $0.c_lflag &= ~tcflag_t(ICANON | ECHO) }, run: { try run(prompt: prompt) })
    }

    private func run(prompt: String) throws -> Int {
        var current = 0
        var typed = ""
        Terminal.write(prompt + "\n")
        draw(current, redraw: false)
        while true {
            switch readByte() {
            case nil, 0x04:
                throw Prompter.InputEnded()
            case 0x0A, 0x0D:
                Terminal.write("  → \(details[current])\n")
                return current
            case 0x1B:
                guard readByte() == UInt8(ascii: "[") else { continue }
                switch readByte() {
                case UInt8(ascii: "A"): current = (current + items.count - 1) % items.count
                case UInt8(ascii: "B"): current = (current + 1) % items.count
                default: continue
                }
                typed = ""
            case let byte? where (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte):
                typed.append(Character(Unicode.Scalar(byte)))
                if let number = Int(typed), items.indices.contains(number - 1) {
                    current = number - 1
                } else {
                    typed = String(Unicode.Scalar(byte))
                    if let number = Int(typed), items.indices.contains(number - 1) { current = number - 1 }
                }
            default:
                continue
            }
            draw(current, redraw: true)
        }
    }

    private func draw(_ current: Int, redraw: Bool) {
        let width = Int(Terminal.columns) - 1
        var text = redraw ? "\u{1B}[\(items.count)A" : ""
        for (index, item) in items.enumerated() {
            let line = (index == current ? "❯ " : "  ") + "\(index + 1)) \(item)"
            text += "\r\u{1B}[2K" + String(line.prefix(max(width, 10))) + "\n"
        }
        Terminal.write(text)
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        return read(STDIN_FILENO, &byte, 1) == 1 ? byte : nil
    }
}

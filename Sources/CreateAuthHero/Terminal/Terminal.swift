import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few terminal facts and operations the command line needs.
enum Terminal {
    /// Whether questions may be asked: stdin and stdout are terminals and `CI` is not set.
    static var allowsPrompts: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
    }

    /// Prompts go to stderr so that stdout stays clean for `--json`.
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Shows `prompt` and reads one line; nil at end of input. With `hidden`, echo is turned off
    /// before the prompt appears, so that nothing typed after seeing it can be echoed (secrets).
    static func readLine(prompt: String, hidden: Bool) -> String? {
        guard hidden, isatty(STDIN_FILENO) == 1 else {
            write(prompt)
            return Swift.readLine(strippingNewline: true)
        }
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        // TCSANOW, not TCSAFLUSH: input typed ahead must not be thrown away.
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            write("\n")
        }
        write(prompt)
        return Swift.readLine(strippingNewline: true)
    }
}

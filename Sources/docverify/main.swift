import DocverifyCLI
import Foundation

exit(Docverify.run(arguments: Array(CommandLine.arguments.dropFirst())))

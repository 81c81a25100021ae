import CMimalloc
import DocverifyCLI
import Foundation

// Linking CMimalloc makes mimalloc the process's malloc; naming its version keeps the linker
// from dropping the library as unused.
_ = mi_version()
exit(Docverify.run(arguments: Array(CommandLine.arguments.dropFirst())))

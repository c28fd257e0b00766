# Sourced by the make targets: the npm wasm-opt (binaryen 132) must come first on PATH,
# because Trunk runs the first `wasm-opt` it finds and Debian's 108 breaks the wasm.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

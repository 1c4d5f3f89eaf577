/* Included first into wasm2c's runtime (wasm-rt-impl.c) so WASM_RT_TRAP_HANDLER has a prototype:
   a trap returns to the kernel's guard (kernel.c), never aborts the host. */
void gs_kernel_trap(int code);

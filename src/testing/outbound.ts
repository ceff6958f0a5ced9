/** The outbound allow-list of test apps and test processes: every peer a test starts listens on loopback, which outbound calls refuse by default. */
export const TEST_OUTBOUND_ALLOW = '127.0.0.1/32,::1/128';

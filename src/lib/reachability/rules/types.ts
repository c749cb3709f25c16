export interface RuleFile {
  /** Suggested file name. */
  readonly name: string;
  /** Syntax for highlighting: 'nft', 'iptables', 'powershell' or 'routeros'. */
  readonly language: 'nft' | 'iptables' | 'powershell' | 'routeros';
  readonly content: string;
}

export interface FirewallRules {
  readonly files: readonly RuleFile[];
  /** How to apply and check the files, and what they do not cover. */
  readonly notes: readonly string[];
}

/**
 * The configuration builder: one server and every chosen client's file, built from the
 * proposal matcher (server proposals that serve the clients through rekeys), the overhead
 * model (MSS clamp) and the reachability model (firewall rules). Pure TypeScript.
 *
 *   const { state, notices } = CONFIG_URL_STATE.decode(location.search);
 *   const build = buildConfig(state);   // { errors, files, verdicts, ... }, never throws
 */
export { AUTH_METHODS, CONFIG_URL_STATE, DEFAULT_CONFIG_CLIENTS, DEFAULT_CONFIG_STATE, configQuery, type AuthMethod, type ConfigField, type ConfigState } from './state';
export { crc32, zipStore } from './zip';
export { overlaps, parseAddress, parsePrefix, readInputs, type ConfigFieldError, type ConfigInputs, type Prefix } from './inputs';
export { buildConfig, builtFile, clientOverrides, type ConfigBuild, type ConfigFile } from './build';
export { APPLE_IKEV2_KEYS, NM_VPN_DATA_KEYS, WINDOWS_CMDLETS, stableUuid } from './clients';
export { APPLE_SETTINGS, CA_COMMON_NAME, PSK_PLACEHOLDER, WINDOWS_SETTINGS } from './settings';
export { AUTH_LABELS, SERVER_LABELS, TEXT_INPUTS, chosenClients, clientChoices, clientsOffered, matrixRows, randomKey, setL2tp, textInputs, toggleClient, type ClientChoice, type TextInput } from './view';

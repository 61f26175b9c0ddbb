package org.kinship.platform.federation;

/** Whether and with whom a community federates. */
public enum FederationMode {
    /** The default: nothing leaves the community and nothing from elsewhere is accepted. */
    OFF,
    /** Only the remote actors and hosts on the community's allow-list. */
    ALLOW_LIST,
    /** Anyone not on the community's block-list. */
    OPEN
}

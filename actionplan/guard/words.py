"""The word lists the guard's detectors use: data only, one place to read and extend them."""

# ruff: noqa: SIM905  (each list is a string split on spaces: it reads as a paragraph)

# Prefixes that look like ticket keys but are standards, products, codes or orders.
NOT_TICKETS = frozenset(
    """
    A3 A4 ADSL AES AI AWS AZ B2B B2C BIOS BS BT CAT CE CIS COVID CPU CSF CVE CWE DDR DECT
    DES DKIM DMARC DNS DORA DP DPA DVI EC2 ECC ECS EN EU FIDO FTP FTTC FTTP FY GB GB20 GCP
    GDPR GPT GPU H1 H2 H264 H265 HDD HDMI HIPAA HMRC HR HTTP HTTPS ICO ID IEC IEEE IMAP INV
    IP IPSEC IPV ISDN ISO ITIL KB KPI LDAP LDAPS LTE M365 MB MD MFA MP3 MP4 MR MS MX NAS NFC
    NFS NHS NI NIS NIS2 NIST NVME O365 OLA OS PAS PCI PCIE PDU PL PN PO POE POP Q1 Q2 Q3 Q4
    QSFP QT QUO RAID RAM RDP RFC RFP RFQ RJ RMA RSA S3 SAN SC SFP SFTP SHA SIP SKU SLA SMB
    SMTP SN SO SOC SP SPF SSD SSH SSL SSO TB TCP TLS TPM U2F UDP UEFI UK UPS US USB UTF VAT
    VDSL VGA VLAN VM VOIP VPN W10 W11 WIFI WIN WPA WPA2 WPA3 XP
    """.split()
)

# Trackers: their name and a number is an internal ticket ("Zendesk #48213").
TRACKERS = (
    *"""
    jira zendesk servicenow snow freshdesk freshservice autotask connectwise halo halopsa
    haloitsm syncro kaseya atera ninja ninjaone n-able nable manageengine redmine bugzilla
    trello asana linear clickup youtrack github gitlab bitbucket ado devops tfs spiceworks
    osticket otrs topdesk ivanti cherwell remedy hubspot salesforce sfdc monday notion
    mantis zammad glpi pagerduty opsgenie sentry
    """.split(),
    "cw manage",
    "halo psa",
    "servicedesk plus",
    "azure devops",
)

# Machine names: "ESX-01" or "DC-2" is a host the client knows, not a ticket.
HOST_WORDS = frozenset(
    """
    AD AP APP BACKUP BAK BKP CL CORE DB DC DEV DT EDGE ESX ESXI EX EXCH FILE FP FS FW HOST
    HV HYP LAB LAP LB LT MAIL NAS NB NODE PBX PC PRINT PRN PROD PRT RDS RT RTR SAN SERVER
    SQL SRV STG SVR SW SWITCH TEST TS UAT UPS VDI VEEAM VM WAP WEB WS
    """.split()
)

# Top-level names no public host has: a host under them is internal.
INTERNAL_TLDS = tuple(
    """
    corp internal local lan intra intranet localdomain home ad priv private int loc domain
    test example
    """.split()
)

# Words after "password is" that are not a password.
NOT_A_VALUE = frozenset(
    """
    a above also always an at attached available being below blank by change changed changes
    complex configured correct different disabled due empty enabled enforced expire expired
    expiring expiry from generated here in incorrect into invalid issued known length locked
    managed manager maximum minimum needed never now on only our policy portal protected
    required requirements reset resets rotated same saved secure sent set shared still
    stored strong synced synchronised synchronized that the their there these this those
    through unchanged under unknown unlocked updated valid vault via weak with working wrong
    your
    """.split()
)

# Chat services: a link into one is internal talk.
CHAT_WORDS = tuple(
    """
    slack teams.microsoft discord chat.google mattermost zulip
    """.split()
)

# Trackers, wikis, monitoring and vaults: a link into one is an internal system.
LINK_WORDS = tuple(
    """
    atlassian. service-now. zendesk. freshdesk. freshservice. halopsa. haloitsm. itglue.
    hudu. connectwise. autotask. syncromsp. atera. ninjarmm. visualstudio. pagerduty.
    sentry.io notion.so trello.com asana.com monday.com clickup.com linear.app youtrack.
    pastebin. hastebin. 1password. lastpass. bitwarden. keeper.io dev.azure github. gitlab
    bitbucket. jira confluence wiki. intranet grafana kibana nagios zabbix prtg jenkins
    sharepoint
    """.split()
)

# How API keys and tokens begin (sk-live-…, ghp_…, AKIA…).
KEY_STARTS = tuple(
    """
    sk- sk_ pk- pk_ rk- rk_ ghp_ gho_ ghu_ ghs_ ghr_ glpat- AKIA xox eyJ -----BEGIN
    """.split()
)

using System.Collections.Generic;
using System.Linq;

namespace MessagingProvider.TestSupport;

/// <summary>The private Postfix and Dovecot configuration files the fixture writes.</summary>
internal static class MailServerConfig
{
    public static string DovecotConf(string root, int imapPort, int imapsPort, int lmtpPort) => $@"
base_dir = {root}/dovecot/run
state_dir = {root}/dovecot/state
instance_name = mp-test-{imapPort}
log_path = {root}/log/dovecot.log
info_log_path = {root}/log/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = yes
ssl_cert = <{root}/tls/server.crt
ssl_key = <{root}/tls/server.key
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2 oauthbearer
auth_failure_delay = 0
auth_cache_size = 0
auth_verbose = yes
mail_location = maildir:~/Maildir
mail_uid = nobody
mail_gid = nogroup
first_valid_uid = 1

passdb {{
  driver = passwd-file
  mechanisms = plain login
  args = scheme=PLAIN username_format=%Lu {root}/dovecot/passwd
}}
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {root}/dovecot/oauth2.conf
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={root}/mail/%Lu allow_all_users=yes
}}

service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {imapPort}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imapsPort}
    ssl = yes
  }}
}}
service lmtp {{
  inet_listener lmtp {{
    address = 127.0.0.1
    port = {lmtpPort}
  }}
}}
service auth {{
  unix_listener auth-postfix {{
    mode = 0666
  }}
}}
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
";

    public static string OAuth2Conf(string root) => $@"
introspection_mode = local
local_validation_key_dict = fs:posix:prefix={root}/dovecot/keys/
username_attribute = sub
";

    public static string PasswdFile(IEnumerable<KeyValuePair<string, string>> users) =>
        string.Concat(users.Select(u => $"{u.Key}:{{PLAIN}}{u.Value}::::::\n"));

    public static string PostfixMain(string root, int lmtpPort) => $@"
compatibility_level = 3.6
queue_directory = {root}/postfix/queue
data_directory = {root}/postfix/data
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = mail.test.local
mydomain = test.local
myorigin = test.local
mydestination =
mynetworks = 127.0.0.0/8
relay_domains =
virtual_mailbox_domains = {MailServerFixture.Domain} contoso.test {MailServerFixture.ExampleDomain}
virtual_transport = lmtp:inet:127.0.0.1:{lmtpPort}
default_transport = error:outbound mail is disabled on the test server
alias_maps =
alias_database =
local_recipient_maps =
smtputf8_enable = yes
line_length_limit = 32768
maillog_file = {root}/log/postfix.log
maillog_file_prefixes = {root}
biff = no
smtpd_banner = $myhostname ESMTP test
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = {root}/dovecot/run/auth-postfix
broken_sasl_auth_clients = no
smtpd_tls_cert_file = {root}/tls/server.crt
smtpd_tls_key_file = {root}/tls/server.key
smtpd_tls_security_level = may
smtpd_tls_auth_only = no
smtpd_relay_restrictions = check_recipient_access texthash:{root}/postfix/recipient_access, permit_sasl_authenticated, reject_unauth_destination
smtpd_recipient_restrictions =
smtpd_error_sleep_time = 0
smtpd_soft_error_limit = 100
smtpd_hard_error_limit = 200
smtpd_client_connection_rate_limit = 0
smtpd_client_auth_rate_limit = 0
";

    public static string RecipientAccess => @"
rejected@test.local 550 5.1.1 Mailbox unavailable: rejected by the test server
deferred@test.local 450 4.2.1 Mailbox busy, try again later
";

    public static string PostfixMaster(int startTlsPort, int implicitTlsPort, int plainPort) => $@"
127.0.0.1:{startTlsPort} inet n - n - - smtpd
  -o smtpd_tls_auth_only=yes
127.0.0.1:{implicitTlsPort} inet n - n - - smtpd
  -o smtpd_tls_wrappermode=yes
  -o smtpd_tls_security_level=encrypt
127.0.0.1:{plainPort} inet n - n - - smtpd
  -o smtpd_tls_security_level=none
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
";
}

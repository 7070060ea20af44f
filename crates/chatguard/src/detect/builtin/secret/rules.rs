//! The provider token formats as data: fixed prefixes with the shape of the body that follows,
//! and provider names whose assigned value has a known shape.
//!
//! Every prefix here goes into the one keyword table of the parent module; a hit is then
//! checked byte by byte against its rule (case-sensitively unless the rule says otherwise), with
//! bounded work. Rule ids are stable wire names: `secret.<id>`.

use crate::table::Table;
/// A set of ASCII bytes, as a 128-bit mask.
#[derive(Clone, Copy)]
pub(super) struct Set(u128);

impl Set {
    /// Builds a set from a spec such as `A-Za-z0-9_-` (a `-` last is literal).
    pub(super) const fn of(spec: &str) -> Set {
        let s = spec.as_bytes();
        let mut mask = 0u128;
        let mut i = 0;
        while i < s.len() {
            if i + 2 < s.len() && s[i + 1] == b'-' {
                let mut c = s[i];
                while c <= s[i + 2] {
                    mask |= 1u128 << c;
                    c += 1;
                }
                i += 3;
            } else {
                mask |= 1u128 << s[i];
                i += 1;
            }
        }
        Set(mask)
    }

    /// True when `b` is in the set.
    pub(super) fn has(self, b: u8) -> bool {
        b < 128 && self.0 >> b & 1 == 1
    }

    /// True when every byte of `v` is in the set.
    pub(super) fn all(self, v: &[u8]) -> bool {
        v.iter().all(|&b| self.has(b))
    }
}

pub(super) const ALNUM: Set = Set::of("A-Za-z0-9");
pub(super) const WORD: Set = Set::of("A-Za-z0-9_");
pub(super) const URLSAFE: Set = Set::of("A-Za-z0-9_-");
pub(super) const URLSAFE_PAD: Set = Set::of("A-Za-z0-9_=-");
pub(super) const URLSAFE_PAD_DOT: Set = Set::of("A-Za-z0-9_=.-");
pub(super) const URLSAFE_DOT: Set = Set::of("A-Za-z0-9_.-");
pub(super) const HEX: Set = Set::of("0-9a-f");
pub(super) const HEX_ANY: Set = Set::of("0-9a-fA-F");
pub(super) const UPPER_ALNUM: Set = Set::of("A-Z0-9");
pub(super) const LOWER_ALNUM: Set = Set::of("a-z0-9");
pub(super) const BASE32: Set = Set::of("A-Z2-7");
pub(super) const BASE64: Set = Set::of("A-Za-z0-9+/");
pub(super) const BASE64_PAD: Set = Set::of("A-Za-z0-9+/=");
pub(super) const BASE64_ANY: Set = Set::of("A-Za-z0-9+/=_-");
pub(super) const BECH32_UPPER: Set = Set::of("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L");

/// One piece of a token body.
pub(super) enum Seg {
    /// Between `min` and `max` bytes of a set, taken greedily up to `max`.
    Run(Set, usize, usize),
    /// These exact bytes.
    Lit(&'static str),
}

/// A hand-written format check: text and prefix hit `(start, end)` in, span out.
pub(super) type CustomCheck = fn(&[u8], usize, usize) -> Option<(usize, usize)>;

/// How the text after a prefix must look.
pub(super) enum Shape {
    /// Segments in order, then a boundary (no letter, digit or byte of the last set follows).
    /// The span is the prefix plus the segments.
    Segs(&'static [Seg]),
    /// A hand-written check given the text and the prefix hit `(start, end)`; returns the span.
    Custom(CustomCheck),
}

/// A format recognised by a fixed prefix.
pub(super) struct PrefixRule {
    /// Stable rule id, `secret.<name>`.
    pub id: &'static str,
    /// The prefixes that open it.
    pub prefixes: &'static [&'static str],
    /// The body after the prefix.
    pub shape: Shape,
    /// Base score, in thousandths.
    pub score: u16,
    /// True when the prefix may appear in any ASCII case (`AccountKey=`).
    pub nocase: bool,
}

const fn run(set: Set, min: usize, max: usize) -> Seg {
    Seg::Run(set, min, max)
}

macro_rules! rule {
    ($id:literal, [$($p:literal),+], [$($seg:expr),+ $(,)?], $score:literal) => {
        PrefixRule {
            id: $id,
            prefixes: &[$($p),+],
            shape: Shape::Segs(&[$($seg),+]),
            score: $score,
            nocase: false,
        }
    };
    ($id:literal, [$($p:literal),+], custom $f:expr, $score:literal) => {
        PrefixRule {
            id: $id,
            prefixes: &[$($p),+],
            shape: Shape::Custom($f),
            score: $score,
            nocase: false,
        }
    };
}

/// Prefixes whose check looks at the bytes before them (the hit need not start a token).
pub(super) const MID_TOKEN: &[&str] = &["Q~", "-us", ".atlasv1."];

/// Every fixed-prefix format. Sources: the public gitleaks rule set and the providers' own token
/// format documentation; shapes are kept as strict as those documents allow.
pub(super) static RULES: &[PrefixRule] = &[
    rule!(
        "secret.aws_access_key",
        ["AKIA", "ASIA", "ABIA", "ACCA"],
        [run(BASE32, 16, 16)],
        950
    ),
    rule!("secret.github_pat", ["ghp_"], [run(ALNUM, 36, 36)], 950),
    rule!("secret.github_oauth", ["gho_"], [run(ALNUM, 36, 36)], 950),
    rule!(
        "secret.github_user_token",
        ["ghu_"],
        [run(ALNUM, 36, 36)],
        950
    ),
    rule!(
        "secret.github_server_token",
        ["ghs_"],
        [run(ALNUM, 36, 36)],
        950
    ),
    rule!(
        "secret.github_refresh_token",
        ["ghr_"],
        [run(ALNUM, 36, 36)],
        950
    ),
    rule!(
        "secret.github_fine_grained_pat",
        ["github_pat_"],
        [run(ALNUM, 22, 22), Seg::Lit("_"), run(ALNUM, 59, 59)],
        950
    ),
    rule!(
        "secret.gitlab_pat",
        ["glpat-"],
        [run(URLSAFE_DOT, 20, 120)],
        950
    ),
    rule!(
        "secret.gitlab_pipeline_trigger_token",
        ["glptt-"],
        [run(HEX, 40, 40)],
        950
    ),
    rule!(
        "secret.gitlab_deploy_token",
        ["gldt-"],
        [run(URLSAFE, 20, 64)],
        950
    ),
    rule!(
        "secret.gitlab_runner_token",
        ["glrt-"],
        [run(URLSAFE_DOT, 20, 64)],
        950
    ),
    rule!(
        "secret.gitlab_runner_registration_token",
        ["GR1348941"],
        [run(URLSAFE, 20, 20)],
        950
    ),
    rule!(
        "secret.gitlab_oauth_app_secret",
        ["gloas-"],
        [run(HEX, 64, 64)],
        950
    ),
    rule!(
        "secret.gitlab_feed_token",
        ["glft-"],
        [run(URLSAFE, 20, 20)],
        950
    ),
    rule!(
        "secret.gitlab_scim_token",
        ["glsoat-"],
        [run(URLSAFE, 20, 20)],
        950
    ),
    rule!("secret.slack_bot_token", ["xoxb-"], custom slack_dashed, 950),
    rule!("secret.slack_user_token", ["xoxp-"], custom slack_dashed, 950),
    rule!("secret.slack_workspace_token", ["xoxa-"], custom slack_short, 950),
    rule!("secret.slack_refresh_token", ["xoxr-"], custom slack_short, 950),
    rule!("secret.slack_app_token", ["xapp-"], custom slack_short, 950),
    rule!(
        "secret.slack_config_token",
        ["xoxe.xoxp-", "xoxe.xoxb-", "xoxe-"],
        [run(Set::of("A-Za-z0-9-"), 60, 255)],
        950
    ),
    rule!(
        "secret.slack_webhook_url",
        [
            "hooks.slack.com/services/",
            "hooks.slack.com/workflows/",
            "hooks.slack.com/triggers/"
        ],
        custom slack_webhook,
        950
    ),
    rule!(
        "secret.stripe_secret_key",
        ["sk_live_", "sk_test_", "sk_prod_"],
        [run(ALNUM, 16, 247)],
        950
    ),
    rule!(
        "secret.stripe_restricted_key",
        ["rk_live_", "rk_test_", "rk_prod_"],
        [run(ALNUM, 16, 247)],
        950
    ),
    rule!(
        "secret.stripe_publishable_key",
        ["pk_live_"],
        [run(ALNUM, 16, 247)],
        900
    ),
    rule!(
        "secret.stripe_webhook_secret",
        ["whsec_"],
        [run(BASE64_PAD, 32, 64)],
        950
    ),
    rule!(
        "secret.google_api_key",
        ["AIza"],
        [run(URLSAFE, 35, 35)],
        950
    ),
    rule!(
        "secret.google_oauth_client_secret",
        ["GOCSPX-"],
        [run(URLSAFE, 28, 28)],
        950
    ),
    rule!(
        "secret.google_oauth_access_token",
        ["ya29."],
        [run(URLSAFE, 30, 2048)],
        950
    ),
    rule!(
        "secret.openai_api_key",
        ["sk-proj-", "sk-svcacct-", "sk-admin-"],
        [run(URLSAFE, 40, 300)],
        950
    ),
    rule!(
        "secret.openai_api_key",
        ["sk-"],
        [run(ALNUM, 20, 20), Seg::Lit("T3BlbkFJ"), run(ALNUM, 20, 20)],
        950
    ),
    rule!(
        "secret.anthropic_api_key",
        ["sk-ant-api03-"],
        [run(URLSAFE, 80, 120)],
        950
    ),
    rule!(
        "secret.anthropic_admin_key",
        ["sk-ant-admin01-"],
        [run(URLSAFE, 80, 120)],
        950
    ),
    PrefixRule {
        id: "secret.azure_storage_account_key",
        prefixes: &["AccountKey="],
        shape: Shape::Custom(azure_account_key),
        score: 950,
        nocase: true,
    },
    rule!("secret.azure_sas_token", ["sig="], custom azure_sas, 850),
    rule!("secret.azure_ad_client_secret", ["Q~"], custom azure_ad, 900),
    rule!(
        "secret.sendgrid_api_key",
        ["SG."],
        [run(URLSAFE, 22, 22), Seg::Lit("."), run(URLSAFE, 43, 43)],
        950
    ),
    rule!("secret.npm_token", ["npm_"], [run(ALNUM, 36, 36)], 950),
    rule!(
        "secret.pypi_token",
        ["pypi-AgEIcHlwaS5vcmc"],
        [run(URLSAFE, 50, 1000)],
        950
    ),
    rule!(
        "secret.huggingface_token",
        ["hf_"],
        [run(ALNUM, 34, 34)],
        950
    ),
    rule!(
        "secret.huggingface_org_token",
        ["api_org_"],
        [run(ALNUM, 34, 34)],
        950
    ),
    rule!(
        "secret.digitalocean_pat",
        ["dop_v1_"],
        [run(HEX, 64, 64)],
        950
    ),
    rule!(
        "secret.digitalocean_oauth_token",
        ["doo_v1_"],
        [run(HEX, 64, 64)],
        950
    ),
    rule!(
        "secret.digitalocean_refresh_token",
        ["dor_v1_"],
        [run(HEX, 64, 64)],
        950
    ),
    rule!(
        "secret.shopify_access_token",
        ["shpat_"],
        [run(HEX_ANY, 32, 32)],
        950
    ),
    rule!(
        "secret.shopify_shared_secret",
        ["shpss_"],
        [run(HEX_ANY, 32, 32)],
        950
    ),
    rule!(
        "secret.shopify_custom_app_token",
        ["shpca_"],
        [run(HEX_ANY, 32, 32)],
        950
    ),
    rule!(
        "secret.shopify_private_app_token",
        ["shppa_"],
        [run(HEX_ANY, 32, 32)],
        950
    ),
    rule!("secret.mailgun_api_key", ["key-"], [run(HEX, 32, 32)], 900),
    rule!("secret.mailchimp_api_key", ["-us"], custom mailchimp, 900),
    rule!(
        "secret.discord_webhook_url",
        ["discord.com/api/webhooks/", "discordapp.com/api/webhooks/"],
        custom discord_webhook,
        950
    ),
    rule!(
        "secret.heroku_api_key",
        ["HRKU-"],
        [run(URLSAFE, 60, 60)],
        950
    ),
    rule!(
        "secret.dropbox_token",
        ["sl."],
        [run(URLSAFE_PAD_DOT, 130, 2048)],
        900
    ),
    rule!(
        "secret.atlassian_api_token",
        ["ATATT3"],
        [run(URLSAFE_PAD, 150, 300)],
        950
    ),
    rule!(
        "secret.linear_api_key",
        ["lin_api_"],
        [run(ALNUM, 40, 40)],
        950
    ),
    rule!("secret.notion_token", ["ntn_"], [run(ALNUM, 46, 46)], 950),
    rule!(
        "secret.notion_token",
        ["secret_"],
        [run(ALNUM, 43, 43)],
        900
    ),
    rule!(
        "secret.postman_api_key",
        ["PMAK-"],
        [run(HEX_ANY, 24, 24), Seg::Lit("-"), run(HEX_ANY, 34, 34)],
        950
    ),
    rule!("secret.databricks_token", ["dapi"], custom databricks, 950),
    rule!(
        "secret.doppler_token",
        [
            "dp.pt.",
            "dp.st.",
            "dp.sa.",
            "dp.ct.",
            "dp.scim.",
            "dp.audit."
        ],
        [run(ALNUM, 40, 44)],
        950
    ),
    rule!(
        "secret.grafana_cloud_token",
        ["glc_"],
        [run(BASE64_PAD, 32, 400)],
        950
    ),
    rule!(
        "secret.grafana_service_account_token",
        ["glsa_"],
        [run(ALNUM, 32, 32), Seg::Lit("_"), run(HEX_ANY, 8, 8)],
        950
    ),
    rule!(
        "secret.new_relic_user_api_key",
        ["NRAK-"],
        [run(UPPER_ALNUM, 27, 27)],
        950
    ),
    rule!(
        "secret.new_relic_insert_key",
        ["NRII-"],
        [run(URLSAFE, 32, 32)],
        950
    ),
    rule!(
        "secret.sentry_org_token",
        ["sntrys_"],
        [Seg::Lit("eyJ"), run(BASE64_ANY, 50, 600)],
        950
    ),
    rule!(
        "secret.sentry_user_token",
        ["sntryu_"],
        [run(HEX, 64, 64)],
        950
    ),
    rule!(
        "secret.square_access_token",
        ["sq0atp-"],
        [run(URLSAFE, 22, 22)],
        950
    ),
    rule!(
        "secret.square_access_token",
        ["EAAA"],
        [run(URLSAFE, 60, 60)],
        900
    ),
    rule!(
        "secret.square_oauth_secret",
        ["sq0csp-"],
        [run(URLSAFE, 43, 43)],
        950
    ),
    rule!(
        "secret.facebook_access_token",
        ["EAA"],
        [run(ALNUM, 100, 2048)],
        900
    ),
    rule!(
        "secret.braintree_access_token",
        ["access_token$production$", "access_token$sandbox$"],
        [run(LOWER_ALNUM, 16, 16), Seg::Lit("$"), run(HEX, 32, 32)],
        950
    ),
    rule!("secret.okta_api_token", ["SSWS "], custom okta_ssws, 950),
    rule!(
        "secret.vault_service_token",
        ["hvs."],
        [run(URLSAFE, 90, 120)],
        950
    ),
    rule!(
        "secret.vault_batch_token",
        ["hvb."],
        [run(URLSAFE, 138, 300)],
        950
    ),
    rule!(
        "secret.pulumi_access_token",
        ["pul-"],
        [run(HEX, 40, 40)],
        950
    ),
    rule!("secret.terraform_cloud_token", [".atlasv1."], custom terraform, 950),
    rule!(
        "secret.cloudflare_origin_ca_key",
        ["v1.0-"],
        [run(HEX, 24, 24), Seg::Lit("-"), run(HEX, 146, 146)],
        950
    ),
    rule!(
        "secret.alibaba_access_key_id",
        ["LTAI"],
        [run(ALNUM, 12, 20)],
        900
    ),
    rule!(
        "secret.tencent_secret_id",
        ["AKID"],
        [run(ALNUM, 32, 32)],
        900
    ),
    rule!(
        "secret.age_secret_key",
        ["AGE-SECRET-KEY-1"],
        [run(BECH32_UPPER, 58, 58)],
        950
    ),
    rule!("secret.figma_pat", ["figd_"], [run(URLSAFE, 38, 60)], 950),
    rule!(
        "secret.airtable_pat",
        ["pat"],
        [run(ALNUM, 14, 14), Seg::Lit("."), run(HEX, 64, 64)],
        950
    ),
    rule!(
        "secret.bitbucket_app_password",
        ["ATBB"],
        [run(ALNUM, 28, 40)],
        900
    ),
    rule!(
        "secret.circleci_token",
        ["CCIPAT_"],
        [run(WORD, 40, 80)],
        950
    ),
    rule!(
        "secret.contentful_pat",
        ["CFPAT-"],
        [run(URLSAFE, 43, 43)],
        950
    ),
    rule!(
        "secret.dynatrace_api_token",
        ["dt0c01."],
        [
            run(UPPER_ALNUM, 24, 24),
            Seg::Lit("."),
            run(UPPER_ALNUM, 64, 64)
        ],
        950
    ),
    rule!(
        "secret.flutterwave_secret_key",
        ["FLWSECK_TEST-", "FLWSECK-"],
        [run(HEX_ANY, 32, 32), Seg::Lit("-X")],
        950
    ),
    rule!(
        "secret.frameio_token",
        ["fio-u-"],
        [run(URLSAFE_PAD, 64, 64)],
        950
    ),
    rule!(
        "secret.mapbox_secret_token",
        ["sk.eyJ"],
        [run(URLSAFE, 10, 400), Seg::Lit("."), run(URLSAFE, 20, 200)],
        950
    ),
    rule!(
        "secret.planetscale_token",
        ["pscale_tkn_", "pscale_pw_", "pscale_oauth_"],
        [run(URLSAFE_PAD_DOT, 32, 64)],
        950
    ),
    rule!(
        "secret.readme_api_key",
        ["rdme_"],
        [run(LOWER_ALNUM, 70, 70)],
        950
    ),
    rule!(
        "secret.rubygems_api_key",
        ["rubygems_"],
        [run(HEX, 48, 48)],
        950
    ),
    rule!(
        "secret.sendinblue_api_key",
        ["xkeysib-"],
        [run(HEX, 64, 64), Seg::Lit("-"), run(ALNUM, 16, 16)],
        950
    ),
    rule!(
        "secret.shippo_api_key",
        ["shippo_live_", "shippo_test_"],
        [run(HEX, 40, 40)],
        950
    ),
    rule!("secret.supabase_pat", ["sbp_"], [run(HEX, 40, 40)], 950),
    rule!(
        "secret.typeform_api_token",
        ["tfp_"],
        [run(URLSAFE_PAD_DOT, 40, 64)],
        950
    ),
    rule!(
        "secret.yandex_api_key",
        ["AQVN"],
        [run(URLSAFE, 35, 38)],
        900
    ),
    rule!(
        "secret.docker_hub_pat",
        ["dckr_pat_"],
        [run(URLSAFE, 27, 27)],
        950
    ),
    rule!("secret.groq_api_key", ["gsk_"], [run(ALNUM, 52, 52)], 950),
    rule!(
        "secret.replicate_api_token",
        ["r8_"],
        [run(ALNUM, 37, 37)],
        950
    ),
    rule!(
        "secret.perplexity_api_key",
        ["pplx-"],
        [run(ALNUM, 48, 48)],
        950
    ),
    rule!(
        "secret.onepassword_service_token",
        ["ops_eyJ"],
        [run(BASE64_ANY, 200, 4096)],
        950
    ),
];

/// A provider whose name, inside the name a value is assigned to, announces a value of a known
/// shape (`FASTLY_API_TOKEN=…`).
pub(super) struct Provider {
    /// Stable rule id.
    pub id: &'static str,
    /// Lowercase names that announce it (matched as segments of the key name).
    pub words: &'static [&'static str],
    /// The value's shape.
    pub value: fn(&[u8]) -> bool,
}

/// Providers recognised from the key name. A key name may announce several; the first whose
/// value shape fits wins.
pub(super) static PROVIDERS: &[Provider] = &[
    Provider {
        id: "secret.aws_secret_key",
        words: &[
            "aws_secret",
            "aws-secret",
            "awssecret",
            "secret_access_key",
            "secret-access-key",
            "secretaccesskey",
        ],
        value: |v| {
            v.len() == 40
                && BASE64.all(v)
                && v.iter().any(u8::is_ascii_uppercase)
                && v.iter().any(u8::is_ascii_lowercase)
                && v.iter().any(u8::is_ascii_digit)
        },
    },
    Provider {
        id: "secret.fastly_api_token",
        words: &["fastly"],
        value: |v| v.len() == 32 && URLSAFE.all(v) && letters_and_digits(v),
    },
    Provider {
        id: "secret.cloudflare_api_token",
        words: &["cloudflare", "cf_api"],
        value: |v| v.len() == 40 && URLSAFE.all(v) && letters_and_digits(v),
    },
    Provider {
        id: "secret.cloudflare_global_api_key",
        words: &["cloudflare", "cf_api"],
        value: |v| v.len() == 37 && HEX.all(v) && letters_and_digits(v),
    },
    Provider {
        id: "secret.algolia_api_key",
        words: &["algolia"],
        value: |v| v.len() == 32 && HEX.all(v) && letters_and_digits(v),
    },
    Provider {
        id: "secret.okta_api_token",
        words: &["okta"],
        value: |v| v.len() == 42 && v.starts_with(b"00") && URLSAFE.all(v) && letters_and_digits(v),
    },
    Provider {
        id: "secret.heroku_api_key",
        words: &["heroku"],
        value: crate::detect::builtin::shape::is_uuid,
    },
    Provider {
        id: "secret.snyk_api_token",
        words: &["snyk"],
        value: crate::detect::builtin::shape::is_uuid,
    },
    Provider {
        id: "secret.zendesk_secret_key",
        words: &["zendesk"],
        value: |v| v.len() == 40 && ALNUM.all(v) && letters_and_digits(v),
    },
    Provider {
        id: "secret.twitch_api_token",
        words: &["twitch"],
        value: |v| v.len() == 30 && LOWER_ALNUM.all(v) && letters_and_digits(v),
    },
    Provider {
        id: "secret.messagebird_api_key",
        words: &["messagebird", "message_bird", "message-bird"],
        value: |v| v.len() == 25 && ALNUM.all(v) && letters_and_digits(v),
    },
    Provider {
        id: "secret.intercom_api_key",
        words: &["intercom"],
        value: |v| v.len() == 60 && URLSAFE_PAD.all(v) && letters_and_digits(v),
    },
    Provider {
        id: "secret.gocardless_api_token",
        words: &["gocardless"],
        value: |v| {
            v.len() == 45 && v.starts_with(b"live_") && URLSAFE_PAD.all(v) && letters_and_digits(v)
        },
    },
    Provider {
        id: "secret.lob_api_key",
        words: &["lob"],
        value: |v| {
            v.len() == 40
                && (v.starts_with(b"live_") || v.starts_with(b"test_"))
                && v.get(5..).is_some_and(|h| HEX.all(h))
        },
    },
    Provider {
        id: "secret.netlify_access_token",
        words: &["netlify"],
        value: |v| (40..=46).contains(&v.len()) && URLSAFE.all(v) && letters_and_digits(v),
    },
    Provider {
        id: "secret.circleci_token",
        words: &["circleci", "circle_ci"],
        value: |v| v.len() == 40 && HEX.all(v) && letters_and_digits(v),
    },
];

fn letters_and_digits(v: &[u8]) -> bool {
    v.iter().any(u8::is_ascii_alphabetic) && v.iter().any(u8::is_ascii_digit)
}

/// Reads up to `max` bytes of `set` from `at`; `None` when fewer than `min`.
pub(super) fn take(bytes: &[u8], at: usize, set: Set, min: usize, max: usize) -> Option<usize> {
    let mut i = at;
    while i < bytes.len() && i - at < max && set.has(bytes[i]) {
        i += 1;
    }
    (i - at >= min).then_some(i)
}

/// Matches `segs` from `at`; returns the end when they match and a boundary follows.
pub(super) fn match_segs(bytes: &[u8], at: usize, segs: &[Seg]) -> Option<usize> {
    let mut i = at;
    let mut last_set = None;
    for seg in segs {
        match *seg {
            Seg::Run(set, min, max) => {
                let start = i;
                i = take(bytes, i, set, min, max)?;
                // A trailing dot is sentence punctuation, not part of the token.
                if set.has(b'.') {
                    while i > start && bytes.get(i - 1) == Some(&b'.') {
                        i -= 1;
                    }
                    if i - start < min {
                        return None;
                    }
                    last_set = None;
                } else {
                    last_set = Some(set);
                }
            }
            Seg::Lit(lit) => {
                if !bytes.get(i..)?.starts_with(lit.as_bytes()) {
                    return None;
                }
                i += lit.len();
                last_set = None;
            }
        }
    }
    end_ok(bytes, i, last_set).then_some(i)
}

/// True when the byte before `start`, if any, is not a letter or digit.
pub(super) fn start_ok(bytes: &[u8], start: usize) -> bool {
    start == 0
        || bytes
            .get(start - 1)
            .is_some_and(|b| !b.is_ascii_alphanumeric())
}

/// True when nothing at `end` continues the token.
pub(super) fn end_ok(bytes: &[u8], end: usize, set: Option<Set>) -> bool {
    match bytes.get(end) {
        None => true,
        Some(&b) => !b.is_ascii_alphanumeric() && !set.is_some_and(|s| s.has(b)),
    }
}

/// Slack tokens with numeric dashed segments: `xoxb-<digits>-<digits>-<alnum>`.
fn slack_dashed(bytes: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    if !start_ok(bytes, s) {
        return None;
    }
    let end = take(bytes, e, Set::of("A-Za-z0-9-"), 20, 255)?;
    let body = bytes.get(e..end)?;
    let dashes = body.iter().filter(|&&b| b == b'-').count();
    (body.first().is_some_and(u8::is_ascii_digit) && dashes >= 2 && end_ok(bytes, end, None))
        .then_some((s, end))
}

/// The shorter Slack forms (`xoxa-`, `xoxr-`, `xapp-`): at least ten token bytes with a digit.
fn slack_short(bytes: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    if !start_ok(bytes, s) {
        return None;
    }
    let end = take(bytes, e, Set::of("A-Za-z0-9-"), 10, 255)?;
    let body = bytes.get(e..end)?;
    (body.iter().any(u8::is_ascii_digit)
        && body.iter().any(u8::is_ascii_alphanumeric)
        && end_ok(bytes, end, None))
    .then_some((s, end))
}

/// Includes a directly preceding `https://` or `http://` in a URL span.
fn with_scheme(bytes: &[u8], s: usize) -> usize {
    for scheme in [&b"https://"[..], b"http://"] {
        if s >= scheme.len() && bytes.get(s - scheme.len()..s) == Some(scheme) {
            return s - scheme.len();
        }
    }
    s
}

/// `hooks.slack.com/services/T…/B…/…`: the rest of the path, at least 30 bytes with a `/`.
fn slack_webhook(bytes: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    if !start_ok(bytes, s) {
        return None;
    }
    let end = take(bytes, e, Set::of("A-Za-z0-9+/_-"), 30, 200)?;
    let path = bytes.get(e..end)?;
    (path.contains(&b'/') && path.iter().any(u8::is_ascii_digit))
        .then_some((with_scheme(bytes, s), end))
}

/// `discord.com/api/webhooks/<id>/<token>`.
fn discord_webhook(bytes: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    if !start_ok(bytes, s) {
        return None;
    }
    let id_end = take(bytes, e, Set::of("0-9"), 17, 20)?;
    if bytes.get(id_end) != Some(&b'/') {
        return None;
    }
    let end = take(bytes, id_end + 1, URLSAFE, 60, 68)?;
    end_ok(bytes, end, Some(URLSAFE)).then_some((with_scheme(bytes, s), end))
}

/// `AccountKey=<86 base64>==`: the span is the key only.
fn azure_account_key(bytes: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    if !start_ok(bytes, s) {
        return None;
    }
    let end = match_segs(bytes, e, &[Seg::Run(BASE64, 86, 86), Seg::Lit("==")])?;
    Some((e, end))
}

/// A SAS signature `sig=…` in a query that also has the signed version `sv=`.
fn azure_sas(bytes: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    if s > 0 && !matches!(bytes.get(s - 1), Some(b'&' | b'?')) {
        return None;
    }
    let end = take(bytes, e, Set::of("A-Za-z0-9%+/="), 40, 120)?;
    if !end_ok(bytes, end, None) {
        return None;
    }
    // The query before, without crossing whitespace, must carry `sv=`.
    let mut from = s;
    while from > 0
        && s - from < 512
        && bytes
            .get(from - 1)
            .is_some_and(|b| !b.is_ascii_whitespace())
    {
        from -= 1;
    }
    let query = bytes.get(from..s)?;
    query
        .windows(4)
        .any(|w| matches!(w, [b'?' | b'&', b's', b'v', b'=']))
        .then_some((e, end))
}

/// Azure AD client secrets: `xxx9Q~` followed by 31–34 bytes.
fn azure_ad(bytes: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    let bytes = Table(bytes);
    let head = Set::of("A-Za-z0-9_~.");
    if s < 4 || !bytes.get(s - 1)?.is_ascii_digit() || !head.all(bytes.get(s - 4..s - 1)?) {
        return None;
    }
    if s > 4 && head.has(bytes[s - 5]) {
        return None;
    }
    let tail = Set::of("A-Za-z0-9_~.-");
    let end = take(&bytes, e, tail, 31, 34)?;
    end_ok(&bytes, end, Some(tail)).then_some((s - 4, end))
}

/// Mailchimp: 32 lowercase hex digits, then `-us` and a data-centre number.
fn mailchimp(bytes: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    let bytes = Table(bytes);
    if s < 32 || !HEX.all(bytes.get(s - 32..s)?) {
        return None;
    }
    if s > 32 && bytes[s - 33].is_ascii_alphanumeric() {
        return None;
    }
    let end = take(&bytes, e, Set::of("0-9"), 1, 2)?;
    end_ok(&bytes, end, None).then_some((s - 32, end))
}

/// Databricks: `dapi` + 32 hex, optionally `-<n>`.
fn databricks(bytes: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    if !start_ok(bytes, s) {
        return None;
    }
    let mut end = take(bytes, e, HEX, 32, 32)?;
    if bytes.get(end) == Some(&b'-') {
        if let Some(n) = take(bytes, end + 1, Set::of("0-9"), 1, 2) {
            end = n;
        }
    }
    end_ok(bytes, end, None).then_some((s, end))
}

/// Okta: `SSWS 00…` in an Authorization header; the span is the token.
fn okta_ssws(bytes: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    if !start_ok(bytes, s) {
        return None;
    }
    if !bytes.get(e..)?.starts_with(b"00") {
        return None;
    }
    let end = match_segs(bytes, e, &[Seg::Run(URLSAFE, 42, 42)])?;
    Some((e, end))
}

/// Terraform Cloud: 14 alphanumerics, `.atlasv1.`, then 60–70 token bytes.
fn terraform(bytes: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    let bytes = Table(bytes);
    if s < 14 || !ALNUM.all(bytes.get(s - 14..s)?) {
        return None;
    }
    if s > 14 && URLSAFE.has(bytes[s - 15]) {
        return None;
    }
    let end = match_segs(&bytes, e, &[Seg::Run(URLSAFE_PAD, 60, 70)])?;
    Some((s - 14, end))
}

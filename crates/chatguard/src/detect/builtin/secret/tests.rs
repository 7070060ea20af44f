//! Secret recognizer tests. Every vector is synthetic: token bodies come from a fixed-seed
//! generator over the format's alphabet (never a real or leaked key), and prefixes are joined at
//! run time so no complete token literal appears in the source.

use super::*;
use crate::detect::hay::Hay;

const AN: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const US: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
const B64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const HX: &str = "0123456789abcdef";
const UP: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const LO: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
const B32: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const DIG: &str = "0123456789";
const BECH: &str = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

/// `n` pseudo-random characters of `set` (fixed-seed LCG; synthetic, never a real key).
/// The first two characters are forced to a letter and a digit where the set has them, so every
/// body mixes both.
fn g(set: &str, n: usize) -> String {
    thread_local!(static SEED: core::cell::Cell<u64> = const { core::cell::Cell::new(0x9e37_79b9_7f4a_7c15) });
    let chars: Vec<char> = set.chars().collect();
    let mut out = String::with_capacity(n);
    for i in 0..n {
        let r = SEED.with(|s| {
            let v = s
                .get()
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            s.set(v);
            v >> 33
        });
        let mut c = chars[(r as usize) % chars.len()];
        if i == 0 {
            if let Some(&l) = chars.iter().find(|c| c.is_ascii_alphabetic()) {
                if !c.is_ascii_alphabetic() {
                    c = l;
                }
            }
        } else if i == 1 && !c.is_ascii_digit() {
            if let Some(&d) = chars.iter().find(|c| c.is_ascii_digit()) {
                c = chars
                    .iter()
                    .filter(|c| c.is_ascii_digit())
                    .nth((r as usize) % 7)
                    .copied()
                    .unwrap_or(d);
            }
        }
        out.push(c);
    }
    out
}

fn uuid() -> String {
    format!(
        "{}-{}-{}-{}-{}",
        g(HX, 8),
        g(HX, 4),
        g(HX, 4),
        g(HX, 4),
        g(HX, 12)
    )
}

fn scan_text(text: &str) -> Vec<Candidate> {
    let hay = Hay::new(text);
    let mut out = Vec::new();
    scan(&hay, &mut out);
    // Every vector also checks the finder against the automaton it replaced.
    super::equivalence::assert_same(text);
    out
}

fn found(text: &str) -> Vec<(&'static str, &str)> {
    scan_text(text)
        .iter()
        .map(|c| (c.rule, &text[c.start..c.end]))
        .collect()
}

/// One rule: a sentence with the secret, the secret's exact text, and a near miss.
struct Case {
    rule: &'static str,
    text: String,
    secret: String,
    miss: String,
}

fn case(rule: &'static str, secret: String, miss: String) -> Case {
    Case {
        rule,
        text: format!("deploy used {secret} yesterday"),
        secret,
        miss: format!("deploy used {miss} yesterday"),
    }
}

/// A case where the secret follows a key name (`key` includes the separator).
fn keyed(rule: &'static str, key: &str, secret: String, miss: String) -> Case {
    Case {
        rule,
        text: format!("config: {key}{secret}\n"),
        secret,
        miss: format!("config: {key}{miss}\n"),
    }
}

fn cases() -> Vec<Case> {
    let p = |a: &str, b: String| format!("{a}{b}");
    let jwt_head = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
    let jwt_body = "eyJzdWIiOiJ1c2VyLTQyIiwibmFtZSI6IlRlc3QgVXNlciIsImlhdCI6MTcwMDAwMDAwMH0";
    let no_alg = "eyJ0eXAiOiJKV1QiLCJraWQiOiJrMSJ9";
    let discord_id = "MTIzNDU2Nzg5MDEyMzQ1Njc4"; // base64("123456789012345678")
    let hex32 = g(HX, 32);
    vec![
        case(
            "secret.aws_access_key",
            p("AKIA", g(B32, 16)),
            p("AKIA", g(B32, 15)),
        ),
        case(
            "secret.aws_access_key",
            p("ASIA", g(B32, 16)),
            p("AKIA", g(B32, 17)),
        ),
        case(
            "secret.github_pat",
            p("ghp_", g(AN, 36)),
            p("ghp_", g(AN, 35)),
        ),
        case(
            "secret.github_oauth",
            p("gho_", g(AN, 36)),
            p("gho_", g(AN, 37)),
        ),
        case(
            "secret.github_user_token",
            p("ghu_", g(AN, 36)),
            p("ghu_", g(AN, 30)),
        ),
        case(
            "secret.github_server_token",
            p("ghs_", g(AN, 36)),
            p("ghs-", g(AN, 36)),
        ),
        case(
            "secret.github_refresh_token",
            p("ghr_", g(AN, 36)),
            p("xghr_", g(AN, 36)),
        ),
        case(
            "secret.github_fine_grained_pat",
            format!("github_pat_{}_{}", g(AN, 22), g(AN, 59)),
            format!("github_pat_{}_{}", g(AN, 22), g(AN, 58)),
        ),
        case(
            "secret.gitlab_pat",
            p("glpat-", g(US, 20)),
            p("glpat-", g(US, 19)),
        ),
        case(
            "secret.gitlab_pipeline_trigger_token",
            p("glptt-", g(HX, 40)),
            p("glptt-", g(HX, 39)),
        ),
        case(
            "secret.gitlab_deploy_token",
            p("gldt-", g(US, 20)),
            p("gldt-", g(US, 19)),
        ),
        case(
            "secret.gitlab_runner_token",
            p("glrt-", g(US, 20)),
            p("glrt-", g(US, 19)),
        ),
        case(
            "secret.gitlab_runner_registration_token",
            p("GR1348941", g(US, 20)),
            p("GR1348941", g(US, 19)),
        ),
        case(
            "secret.gitlab_oauth_app_secret",
            p("gloas-", g(HX, 64)),
            p("gloas-", g(HX, 63)),
        ),
        case(
            "secret.gitlab_feed_token",
            p("glft-", g(US, 20)),
            p("glft-", g(US, 19)),
        ),
        case(
            "secret.gitlab_scim_token",
            p("glsoat-", g(US, 20)),
            p("glsoat-", g(US, 19)),
        ),
        case(
            "secret.slack_bot_token",
            format!("xoxb-{}-{}-{}", g(DIG, 11), g(DIG, 12), g(AN, 24)),
            format!("xoxb-a{}", g(AN, 30)),
        ),
        case(
            "secret.slack_user_token",
            format!("xoxp-{}-{}-{}", g(DIG, 11), g(DIG, 12), g(AN, 32)),
            format!("xoxp-{}", g(DIG, 11)),
        ),
        case(
            "secret.slack_workspace_token",
            p("xoxa-2-", g(AN, 30)),
            p("xoxa-", "abcdefg".into()),
        ),
        case(
            "secret.slack_refresh_token",
            p("xoxr-", g(AN, 40)),
            p("xoxr-", "abcdefghijkl".into()),
        ),
        case(
            "secret.slack_app_token",
            format!("xapp-1-A{}-{}-{}", g(UP, 10), g(DIG, 13), g(HX, 64)),
            "xapp-1-AB".into(),
        ),
        case(
            "secret.slack_config_token",
            p("xoxe.xoxp-1-", g(UP, 163)),
            p("xoxe.xoxp-1-", g(UP, 30)),
        ),
        case(
            "secret.slack_webhook_url",
            format!(
                "https://hooks.slack.com/services/T{}/B{}/{}",
                g(UP, 10),
                g(UP, 10),
                g(AN, 24)
            ),
            "https://hooks.slack.com/services/T12".into(),
        ),
        case(
            "secret.stripe_secret_key",
            p("sk_live_", g(AN, 24)),
            p("sk_live_", g(AN, 10)),
        ),
        case(
            "secret.stripe_secret_key",
            p("sk_test_", g(AN, 99)),
            p("sk_tests_", g(AN, 24)),
        ),
        case(
            "secret.stripe_restricted_key",
            p("rk_live_", g(AN, 24)),
            p("rk_live_", g(AN, 12)),
        ),
        case(
            "secret.stripe_publishable_key",
            p("pk_live_", g(AN, 24)),
            p("pk_live_", g(AN, 12)),
        ),
        case(
            "secret.stripe_webhook_secret",
            p("whsec_", g(AN, 32)),
            p("whsec_", g(AN, 20)),
        ),
        case(
            "secret.google_api_key",
            p("AIza", g(US, 35)),
            p("AIza", g(US, 34)),
        ),
        case(
            "secret.google_oauth_client_secret",
            p("GOCSPX-", g(US, 28)),
            p("GOCSPX-", g(US, 27)),
        ),
        case(
            "secret.google_oauth_access_token",
            p("ya29.", g(US, 120)),
            p("ya29.", g(US, 20)),
        ),
        case(
            "secret.openai_api_key",
            p("sk-proj-", g(US, 80)),
            p("sk-proj-", g(US, 20)),
        ),
        case(
            "secret.openai_api_key",
            format!("sk-{}T3BlbkFJ{}", g(AN, 20), g(AN, 20)),
            p("sk-", g(AN, 48)),
        ),
        case(
            "secret.anthropic_api_key",
            format!("sk-ant-api03-{}AA", g(US, 93)),
            p("sk-ant-api03-", g(US, 40)),
        ),
        case(
            "secret.anthropic_admin_key",
            format!("sk-ant-admin01-{}AA", g(US, 93)),
            p("sk-ant-admin01-", g(US, 40)),
        ),
        {
            let key = format!("{}==", g(B64, 86));
            let miss = format!("{}==", g(B64, 85));
            let conn = |k: &str| {
                format!("DefaultEndpointsProtocol=https;AccountName=demo;AccountKey={k};EndpointSuffix=core.windows.net")
            };
            Case {
                rule: "secret.azure_storage_account_key",
                text: conn(&key),
                secret: key,
                miss: conn(&miss),
            }
        },
        {
            let sig = format!("{}%3D", g(AN, 43));
            let url = |q: &str, s: &str| {
                format!("https://acct.blob.core.windows.net/c/f.txt?{q}=2022-11-02&sp=r&se=2030-01-01&sig={s}")
            };
            Case {
                rule: "secret.azure_sas_token",
                text: url("sv", &sig),
                miss: url("xv", &sig),
                secret: sig,
            }
        },
        case(
            "secret.azure_ad_client_secret",
            p("abc8Q~", g(AN, 34)),
            p("abc8Q~", g(AN, 20)),
        ),
        case(
            "secret.sendgrid_api_key",
            format!("SG.{}.{}", g(US, 22), g(US, 43)),
            format!("SG.{}.{}", g(US, 22), g(US, 42)),
        ),
        case(
            "secret.npm_token",
            p("npm_", g(AN, 36)),
            p("npm_", g(AN, 35)),
        ),
        case(
            "secret.pypi_token",
            p("pypi-AgEIcHlwaS5vcmc", g(US, 70)),
            p("pypi-AgEIcHlwaS5vcmc", g(US, 30)),
        ),
        case(
            "secret.huggingface_token",
            p("hf_", g(AN, 34)),
            p("hf_", g(AN, 33)),
        ),
        case(
            "secret.huggingface_org_token",
            p("api_org_", g(AN, 34)),
            p("api_org_", g(AN, 33)),
        ),
        case(
            "secret.digitalocean_pat",
            p("dop_v1_", g(HX, 64)),
            p("dop_v1_", g(HX, 63)),
        ),
        case(
            "secret.digitalocean_oauth_token",
            p("doo_v1_", g(HX, 64)),
            p("doo_v2_", g(HX, 64)),
        ),
        case(
            "secret.digitalocean_refresh_token",
            p("dor_v1_", g(HX, 64)),
            p("dor_v1_", g(HX, 65)),
        ),
        case(
            "secret.shopify_access_token",
            p("shpat_", g(HX, 32)),
            p("shpat_", g(HX, 31)),
        ),
        case(
            "secret.shopify_shared_secret",
            p("shpss_", g(HX, 32)),
            p("shpss_", g(AN, 32) + "g"),
        ),
        case(
            "secret.shopify_custom_app_token",
            p("shpca_", g(HX, 32)),
            p("shpca_", g(HX, 33)),
        ),
        case(
            "secret.shopify_private_app_token",
            p("shppa_", g(HX, 32)),
            p("shppa_", g(HX, 30)),
        ),
        case(
            "secret.mailgun_api_key",
            p("key-", g(HX, 32)),
            p("key-", g(HX, 31)),
        ),
        case(
            "secret.mailchimp_api_key",
            p(&g(HX, 32), "-us14".into()),
            p(&g(HX, 31), "-us14".into()),
        ),
        case(
            "secret.discord_webhook_url",
            format!(
                "https://discord.com/api/webhooks/{}/{}",
                g(DIG, 18),
                g(US, 68)
            ),
            format!(
                "https://discord.com/api/webhooks/{}/{}",
                g(DIG, 18),
                g(US, 30)
            ),
        ),
        case(
            "secret.heroku_api_key",
            p("HRKU-AA", g(US, 58)),
            p("HRKU-", g(US, 40)),
        ),
        case(
            "secret.dropbox_token",
            p("sl.", g(US, 135)),
            p("sl.", g(US, 50)),
        ),
        case(
            "secret.atlassian_api_token",
            p("ATATT3", g(US, 186)),
            p("ATATT3", g(US, 50)),
        ),
        case(
            "secret.linear_api_key",
            p("lin_api_", g(AN, 40)),
            p("lin_api_", g(AN, 39)),
        ),
        case(
            "secret.notion_token",
            p("ntn_", g(DIG, 11) + &g(AN, 35)),
            p("ntn_", g(AN, 20)),
        ),
        case(
            "secret.notion_token",
            p("secret_", g(AN, 43)),
            p("secret_", g(AN, 42)),
        ),
        case(
            "secret.postman_api_key",
            format!("PMAK-{}-{}", g(HX, 24), g(HX, 34)),
            format!("PMAK-{}-{}", g(HX, 24), g(HX, 33)),
        ),
        case(
            "secret.databricks_token",
            p("dapi", g(HX, 32)),
            p("dapi", g(HX, 31)),
        ),
        case(
            "secret.databricks_token",
            format!("dapi{}-2", g(HX, 32)),
            p("dapi", g(AN, 32) + "z"),
        ),
        case(
            "secret.doppler_token",
            p("dp.pt.", g(AN, 43)),
            p("dp.pt.", g(AN, 20)),
        ),
        case(
            "secret.grafana_cloud_token",
            p("glc_", g(B64, 40)),
            p("glc_", g(AN, 20)),
        ),
        case(
            "secret.grafana_service_account_token",
            format!("glsa_{}_{}", g(AN, 32), g(HX, 8)),
            format!("glsa_{}_{}", g(AN, 32), g(HX, 7)),
        ),
        case(
            "secret.new_relic_user_api_key",
            p("NRAK-", g(UP, 27)),
            p("NRAK-", g(UP, 26)),
        ),
        case(
            "secret.new_relic_insert_key",
            p("NRII-", g(US, 32)),
            p("NRII-", g(US, 31)),
        ),
        case(
            "secret.sentry_org_token",
            p("sntrys_eyJ", g(AN, 80)),
            p("sntrys_", "x".to_owned() + &g(AN, 80)),
        ),
        case(
            "secret.sentry_user_token",
            p("sntryu_", g(HX, 64)),
            p("sntryu_", g(HX, 63)),
        ),
        case(
            "secret.square_access_token",
            p("sq0atp-", g(US, 22)),
            p("sq0atp-", g(US, 21)),
        ),
        case(
            "secret.square_access_token",
            p("EAAA", g(US, 60)),
            p("EAAA", g(US, 59)),
        ),
        case(
            "secret.square_oauth_secret",
            p("sq0csp-", g(US, 43)),
            p("sq0csp-", g(US, 42)),
        ),
        case(
            "secret.facebook_access_token",
            p("EAAC", g(AN, 150)),
            p("EAAC", g(AN, 60)),
        ),
        case(
            "secret.braintree_access_token",
            format!("access_token$production${}${}", g(LO, 16), g(HX, 32)),
            format!("access_token$production${}${}", g(LO, 16), g(HX, 31)),
        ),
        {
            let tok = p("00", g(US, 40));
            Case {
                rule: "secret.okta_api_token",
                text: format!("Authorization: SSWS {tok}"),
                secret: tok,
                miss: format!("Authorization: SSWS 00{}", g(US, 30)),
            }
        },
        keyed(
            "secret.okta_api_token",
            "okta_key: ",
            p("00", g(US, 40)),
            p("01", g(US, 40)),
        ),
        case(
            "secret.vault_service_token",
            p("hvs.", g(US, 95)),
            p("hvs.", g(US, 40)),
        ),
        case(
            "secret.vault_batch_token",
            p("hvb.", g(US, 150)),
            p("hvb.", g(US, 100)),
        ),
        case(
            "secret.pulumi_access_token",
            p("pul-", g(HX, 40)),
            p("pul-", g(HX, 39)),
        ),
        case(
            "secret.terraform_cloud_token",
            format!("{}.atlasv1.{}", g(AN, 14), g(US, 67)),
            format!("{}.atlasv1.{}", g(AN, 14), g(US, 30)),
        ),
        case(
            "secret.cloudflare_origin_ca_key",
            format!("v1.0-{}-{}", g(HX, 24), g(HX, 146)),
            format!("v1.0-{}-{}", g(HX, 24), g(HX, 145)),
        ),
        case(
            "secret.alibaba_access_key_id",
            p("LTAI", g(AN, 20)),
            p("LTAI", g(AN, 8)),
        ),
        case(
            "secret.tencent_secret_id",
            p("AKID", g(AN, 32)),
            p("AKID", g(AN, 31)),
        ),
        case(
            "secret.age_secret_key",
            p("AGE-SECRET-KEY-1", g(BECH, 58)),
            p("AGE-SECRET-KEY-1", g(BECH, 57)),
        ),
        case(
            "secret.figma_pat",
            p("figd_", g(US, 40)),
            p("figd_", g(US, 20)),
        ),
        case(
            "secret.airtable_pat",
            format!("pat{}.{}", g(AN, 14), g(HX, 64)),
            format!("pat{}.{}", g(AN, 14), g(HX, 63)),
        ),
        case(
            "secret.bitbucket_app_password",
            p("ATBB", g(AN, 32)),
            p("ATBB", g(AN, 20)),
        ),
        case(
            "secret.circleci_token",
            format!("CCIPAT_{}_{}", g(AN, 22), g(HX, 40)),
            p("CCIPAT_", g(AN, 20)),
        ),
        keyed(
            "secret.circleci_token",
            "CIRCLECI_KEY=",
            g(HX, 40),
            g(HX, 12),
        ),
        case(
            "secret.contentful_pat",
            p("CFPAT-", g(US, 43)),
            p("CFPAT-", g(US, 42)),
        ),
        case(
            "secret.dynatrace_api_token",
            format!("dt0c01.{}.{}", g(UP, 24), g(UP, 64)),
            format!("dt0c01.{}.{}", g(UP, 24), g(UP, 63)),
        ),
        case(
            "secret.flutterwave_secret_key",
            format!("FLWSECK_TEST-{}-X", g(HX, 32)),
            format!("FLWSECK_TEST-{}", g(HX, 32)),
        ),
        case(
            "secret.frameio_token",
            p("fio-u-", g(US, 64)),
            p("fio-u-", g(US, 63)),
        ),
        case(
            "secret.mapbox_secret_token",
            format!("sk.eyJ1Ijoi{}.{}", g(AN, 20), g(US, 22)),
            p("sk.eyJ1Ijoi", g(AN, 20)),
        ),
        case(
            "secret.planetscale_token",
            p("pscale_tkn_", g(US, 43)),
            p("pscale_tkn_", g(US, 20)),
        ),
        case(
            "secret.readme_api_key",
            p("rdme_", g(LO, 70)),
            p("rdme_", g(LO, 69)),
        ),
        case(
            "secret.rubygems_api_key",
            p("rubygems_", g(HX, 48)),
            p("rubygems_", g(HX, 47)),
        ),
        case(
            "secret.sendinblue_api_key",
            format!("xkeysib-{}-{}", g(HX, 64), g(AN, 16)),
            format!("xkeysib-{}-{}", g(HX, 64), g(AN, 15)),
        ),
        case(
            "secret.shippo_api_key",
            p("shippo_live_", g(HX, 40)),
            p("shippo_live_", g(HX, 39)),
        ),
        case(
            "secret.supabase_pat",
            p("sbp_", g(HX, 40)),
            p("sbp_", g(HX, 39)),
        ),
        case(
            "secret.typeform_api_token",
            p("tfp_", g(US, 59)),
            p("tfp_", g(US, 20)),
        ),
        case(
            "secret.yandex_api_key",
            p("AQVN", g(US, 36)),
            p("AQVN", g(US, 20)),
        ),
        case(
            "secret.docker_hub_pat",
            p("dckr_pat_", g(US, 27)),
            p("dckr_pat_", g(US, 26)),
        ),
        case(
            "secret.groq_api_key",
            p("gsk_", g(AN, 52)),
            p("gsk_", g(AN, 51)),
        ),
        case(
            "secret.replicate_api_token",
            p("r8_", g(AN, 37)),
            p("r8_", g(AN, 36)),
        ),
        case(
            "secret.perplexity_api_key",
            p("pplx-", g(AN, 48)),
            p("pplx-", g(AN, 47)),
        ),
        case(
            "secret.onepassword_service_token",
            p("ops_eyJ", g(AN, 250)),
            p("ops_eyJ", g(AN, 50)),
        ),
        case(
            "secret.jwt",
            format!("{jwt_head}.{jwt_body}.{}", g(US, 43)),
            format!("{no_alg}.{jwt_body}.{}", g(US, 43)),
        ),
        {
            let block = format!(
                "-----BEGIN RSA PRIVATE KEY-----\n{}\n{}\n-----END RSA PRIVATE KEY-----",
                g(B64, 64),
                g(B64, 40)
            );
            Case {
                rule: "secret.private_key",
                text: format!("key:\n{block}\nthanks"),
                secret: block,
                miss: format!(
                    "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----",
                    g(B64, 64)
                ),
            }
        },
        case(
            "secret.discord_bot_token",
            format!("{discord_id}.{}.{}", g(US, 6), g(US, 38)),
            format!("{discord_id}.{}.{}", g(US, 5), g(US, 38)),
        ),
        case(
            "secret.twilio_api_key",
            p("SK", g(HX, 32)),
            p("SK", g(HX, 31)),
        ),
        case(
            "secret.telegram_bot_token",
            format!("{}:AA{}", g(DIG, 9), g(US, 33)),
            format!("{}:AA{}", g(DIG, 9), g(US, 30)),
        ),
        case(
            "secret.asana_pat",
            format!("2/{}/{}:{}", g(DIG, 16), g(DIG, 16), g(HX, 32)),
            format!("2/{}/{}:{}", g(DIG, 16), g(DIG, 16), g(HX, 31)),
        ),
        keyed(
            "secret.aws_secret_key",
            "aws_secret_access_key = ",
            g(B64, 40),
            g(B64, 39),
        ),
        keyed(
            "secret.aws_secret_key",
            "\"SecretAccessKey\": ",
            g(B64, 40),
            g(LO, 40),
        ),
        keyed(
            "secret.fastly_api_token",
            "fastly_key: ",
            g(US, 32),
            g(US, 31),
        ),
        keyed(
            "secret.cloudflare_api_token",
            "CLOUDFLARE_API_TOKEN=",
            g(US, 40),
            g(US, 39),
        ),
        keyed(
            "secret.cloudflare_global_api_key",
            "cloudflare_global_key=",
            g(HX, 37),
            g(HX, 36),
        ),
        keyed(
            "secret.algolia_api_key",
            "ALGOLIA_ADMIN_KEY=",
            g(HX, 32),
            g(HX, 31),
        ),
        keyed(
            "secret.heroku_api_key",
            "HEROKU_API_KEY=",
            uuid(),
            g(HX, 36),
        ),
        keyed(
            "secret.snyk_api_token",
            "SNYK_TOKEN=",
            uuid(),
            uuid()[1..].to_owned(),
        ),
        keyed(
            "secret.zendesk_secret_key",
            "zendesk_key=",
            g(AN, 40),
            g(AN, 39),
        ),
        keyed(
            "secret.twitch_api_token",
            "twitch_key=",
            g(LO, 30),
            g(LO, 29),
        ),
        keyed(
            "secret.messagebird_api_key",
            "messagebird_key=",
            g(AN, 25),
            g(AN, 24),
        ),
        keyed(
            "secret.intercom_api_key",
            "intercom_key=",
            g(US, 60),
            g(US, 59),
        ),
        keyed(
            "secret.gocardless_api_token",
            "gocardless_key=",
            p("live_", g(US, 40)),
            p("live_", g(US, 39)),
        ),
        keyed(
            "secret.lob_api_key",
            "lob_key=",
            p("live_", g(HX, 35)),
            p("live_", g(HX, 34)),
        ),
        keyed(
            "secret.netlify_access_token",
            "netlify_key=",
            g(US, 43),
            g(US, 30),
        ),
        keyed(
            "secret.password_assignment",
            "password=",
            "Tr0ub4dor&3x".into(),
            "[SECRET]".into(),
        ),
        keyed(
            "secret.password_assignment",
            "DB_PASS: ",
            "hunter2hunter2".into(),
            "${DB_PASS}".into(),
        ),
        keyed("secret.pin", "PIN: ", "4821".into(), "482".into()),
        keyed(
            "secret.card_security_code",
            "CVV: ",
            "123".into(),
            "12".into(),
        ),
        Case {
            rule: "secret.connection_string",
            text: "DATABASE_URL=postgres://app:s3cr3t-Pw@db.internal:5432/app".into(),
            secret: "s3cr3t-Pw".into(),
            miss: "DATABASE_URL=postgres://app:[SECRET_1]@db.internal:5432/app".into(),
        },
        keyed(
            "secret.generic_high_entropy",
            "api_key = ",
            g(AN, 32),
            "my_api_key_value_here_2".into(),
        ),
        keyed(
            "secret.bearer_token",
            "Authorization: Bearer ",
            g(US, 40),
            "token".into(),
        ),
        keyed(
            "secret.basic_auth",
            "Authorization: Basic ",
            "ZGVtby11c2VyOlN3MHJkZmlzaC00Mg==".into(),
            "aGVsbG8gd29ybGQsIHBsYWlu".into(),
        ),
        keyed(
            "secret.twilio_api_key",
            "twilio: ",
            p("SK", hex32.clone()),
            p("SK", hex32[..31].to_owned()) + "g",
        ),
    ]
}

/// Rule ids reported outside the prefix and provider tables.
const OTHER_RULES: &[&str] = &[
    "secret.jwt",
    "secret.private_key",
    "secret.discord_bot_token",
    "secret.twilio_api_key",
    "secret.telegram_bot_token",
    "secret.asana_pat",
    "secret.password_assignment",
    "secret.pin",
    "secret.card_security_code",
    "secret.connection_string",
    "secret.generic_high_entropy",
    "secret.bearer_token",
    "secret.basic_auth",
];

#[test]
fn every_rule_finds_its_positive_and_not_its_near_miss() {
    let mut failures = Vec::new();
    for c in cases() {
        let got = found(&c.text);
        if !got.iter().any(|&(r, s)| r == c.rule && s == c.secret) {
            failures.push(format!("{}: missed in {:?}, got {got:?}", c.rule, c.text));
        }
        let got = found(&c.miss);
        if got.iter().any(|&(r, _)| r == c.rule) {
            failures.push(format!(
                "{}: near miss {:?} matched: {got:?}",
                c.rule, c.miss
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_has_a_case_and_there_are_at_least_sixty() {
    let tested: Vec<&str> = cases().iter().map(|c| c.rule).collect();
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    ids.extend(PROVIDERS.iter().map(|p| p.id));
    ids.extend(OTHER_RULES);
    ids.sort_unstable();
    ids.dedup();
    let untested: Vec<&&str> = ids.iter().filter(|id| !tested.contains(id)).collect();
    assert!(
        untested.is_empty(),
        "rules without a test case: {untested:?}"
    );
    assert!(ids.len() >= 60, "only {} rules", ids.len());
    assert!(ids.iter().all(|id| id.starts_with("secret.")));
}

#[test]
fn fixed_prefix_tokens_need_a_boundary_and_exact_case() {
    let t = g(AN, 36);
    assert!(found(&format!("xghp_{t}")).is_empty());
    assert!(found(&format!("GHP_{t}")).is_empty());
    assert!(found(&format!("ghp_{t}x")).is_empty());
    assert!(found(&format!("akia{}", g(B32, 16))).is_empty());
    // Placeholder bodies are examples, not keys.
    assert!(found(&format!("ghp_{}", "x".repeat(36))).is_empty());
    assert!(found(&format!("AKIA{}", "X".repeat(16))).is_empty());
    // Inside quotes, brackets and URLs the token is still found.
    let tok = format!("ghp_{t}");
    assert_eq!(
        found(&format!("\"{tok}\"")),
        [("secret.github_pat", tok.as_str())]
    );
    assert_eq!(
        found(&format!("https://x:{tok}@github.com/o/r.git")),
        [("secret.github_pat", tok.as_str())]
    );
}

#[test]
fn passwords_in_context_several_languages() {
    let cases = [
        ("password=Tr0ub4dor&3", "Tr0ub4dor&3"),
        ("my password is Summer2024!", "Summer2024!"),
        (
            "\"password\": \"correct horse battery\"",
            "correct horse battery",
        ),
        ("pwd: Xk9#mm2q", "Xk9#mm2q"),
        ("pass: Zebra77x", "Zebra77x"),
        ("user: bob pass: hunter22", "hunter22"),
        ("DB_PASS=x9k2m4", "x9k2m4"),
        ("DB_PASSWORD=supersecretvalue", "supersecretvalue"),
        ("mot de passe : Soleil2023", "Soleil2023"),
        ("mon mot de passe est Soleil2023.", "Soleil2023"),
        ("Das Passwort ist Sommer#2024", "Sommer#2024"),
        ("Kennwort: Geheim99", "Geheim99"),
        ("mi contraseña es Verano2024", "Verano2024"),
        ("a senha é Praia2024", "Praia2024"),
        ("het wachtwoord is Fiets1234", "Fiets1234"),
        ("la parola d'ordine è Pizza2024", "Pizza2024"),
        ("set the password to Sommer2024!", "Sommer2024!"),
        ("use Tr0ub4dor&3 as the password", "Tr0ub4dor&3"),
        ("log in with 'Kx9-pq22' as your new password", "Kx9-pq22"),
        ("nimm Sommer#2024 als Passwort", "Sommer#2024"),
        ("utilise Soleil2023! comme mot de passe", "Soleil2023!"),
        ("usa Verano#24 como contraseña", "Verano#24"),
        ("the new password will be Blue77#x", "Blue77#x"),
        ("das Passwort wird Tiger#2025", "Tiger#2025"),
        ("password: %mdYx*689AnL", "%mdYx*689AnL"),
        ("senha: NbfBQOl1Eam&", "NbfBQOl1Eam&"),
        ("contraseña: *K3yBR1nHNlF", "*K3yBR1nHNlF"),
        ("login: anna / pass: zJtCAeOSBPqzLd", "zJtCAeOSBPqzLd"),
        // Generated passwords with brackets (Faker's special characters include `(` and `)`).
        ("Password: _%ZP&zw(6)Bc0", "_%ZP&zw(6)Bc0"),
        ("my password is (Gj*0Hdv", "(Gj*0Hdv"),
        ("Password: (o)%(&%!66cTxl", "(o)%(&%!66cTxl"),
        ("my password is fHOFQeanD(2v", "fHOFQeanD(2v"),
        ("Passwort: 6I*gXiSW(7", "6I*gXiSW(7"),
        ("Password: M4(9XZIl@n", "M4(9XZIl@n"),
        ("Passwort: **5x2QXp", "**5x2QXp"),
        ("my password is *k&#tiJb+a20)O*", "*k&#tiJb+a20)O*"),
        (
            "my password is correct-horse-battery",
            "correct-horse-battery",
        ),
        (
            "Server=db;User Id=app;Password=Xy7-pq9;Database=x",
            "Xy7-pq9",
        ),
        ("<password>Pa55word!</password>", "Pa55word!"),
        ("mysql --password Hx8pq2rr -h db", "Hx8pq2rr"),
        ("login ok, passwd = 'q1w2e3r4'", "q1w2e3r4"),
        (
            "jdbc:mysql://db/app?user=root&password=Rt00t!x&ssl=1",
            "Rt00t!x",
        ),
    ];
    for (text, want) in cases {
        assert!(
            found(text).contains(&("secret.password_assignment", want)),
            "{text}: {:?}",
            found(text)
        );
    }
}

#[test]
fn password_words_without_a_password() {
    for text in [
        "I forgot my password yesterday",
        "use SomethingLong as the password",
        "use 2FA as the password reset method",
        "works 2024 as the password admin",
        "the password is incorrect",
        "password is case-sensitive",
        "the password is user-defined",
        "I want to change my password to something stronger",
        "password = %s",
        "password: %(password)s",
        "password=%DB_PASS%",
        "Password: forgotten, please reset it",
        "password: required",
        "password=[SECRET]",
        "password=[SECRET_1] and pwd: [SECRET#abcdefghijklmnop]",
        "password: ********",
        "password: **see below**",
        "password: **2FA**",
        "password: *required*",
        "pass: FastTrack",
        "password = ${DB_PASSWORD}",
        "password = get_password()",
        "password = os.getenv('DB_PASS')",
        "password = input(\"Enter it: \")",
        "password: hash(pw, salt)",
        "password = Hash(Password)",
        "password: (hidden)",
        "password: (see the vault)",
        "password = self.password",
        "PWD=/home/user/project",
        "export PASSWORD_FILE=/run/secrets/db",
        "the compass: north",
        "passenger: John",
        "boarding pass",
        "password: <your password>",
        "password: str",
        "boarding pass: AB12CD",
        "Pass: 12/15 tests",
        "pass: yes",
        "day-pass: ZX81QP",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn connection_strings_cover_the_password_only() {
    for (text, want) in [
        ("postgres://app:Xq9-pw7z@db.internal:5432/app", "Xq9-pw7z"),
        (
            "mongodb+srv://admin:M0ng0pw!@cluster0.example.net/test",
            "M0ng0pw!",
        ),
        ("redis://:pass@cache:6379/0", "pass"),
        ("amqp://guest:rabbit99@mq/vhost", "rabbit99"),
        ("https://bob:p@ss:w0rd@example.com/x", "p@ss:w0rd"),
    ] {
        let got = found(text);
        assert!(
            got.contains(&("secret.connection_string", want)),
            "{text}: {got:?}"
        );
    }
    for text in [
        "https://example.com:8443/path",
        "postgres://app@db/app",
        "postgres://app:password@localhost/app",
        "postgres://app:${DB_PASS}@db/app",
        "postgres://app:[SECRET]@db/app",
        "mailto:someone@example.com",
        "git@github.com:org/repo.git",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn generic_values_need_entropy_letters_and_digits() {
    let v = g(AN, 32);
    for key in [
        "api_key = ",
        "API-KEY: ",
        "client_secret=",
        "\"authToken\": \"",
        "X-Api-Key: ",
        "my token is ",
    ] {
        let text = format!("{key}{v}\"");
        assert!(
            found(&text).contains(&("secret.generic_high_entropy", v.as_str())),
            "{text}: {:?}",
            found(&text)
        );
    }
    let hex = g(HX, 40);
    assert!(found(&format!("session_token: {hex}"))
        .contains(&("secret.generic_high_entropy", hex.as_str())));
    for text in [
        "api_key = your_api_key_here",
        "token: 1234567890123456789012345",
        "secret: aaaaaaaaaaaaaaaaaaaa1",
        "token = MY_SECRET_TOKEN_NAME_V2",
        "secret_name = prod-db-password-2024",
        "author: Stephen King 1234567890abcdefghij",
        "token: [SECRET_1]",
        "tokens: abcdefghijklmnopqrstuvwxyz123",
        "the token expired",
        "auth_url = https://accounts.example.com/o/oauth2/auth",
        "api_key = ${API_KEY}",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn generic_values_right_after_the_key_word() {
    // `the API key 9fK2…`: no `:`, `=` or `is` between the key word and the token.
    let v = g(AN, 32);
    let hex = g(HX, 40);
    for (text, value) in [
        (format!("the API key {v} was rotated"), v.as_str()),
        (format!("Here's my api key {v}"), v.as_str()),
        (format!("new token {hex}, expires Friday"), hex.as_str()),
        (format!("client secret\t{v}"), v.as_str()),
        (format!("the token \"{v}\" expired"), v.as_str()),
        (format!("the admin password {v}"), v.as_str()),
    ] {
        assert!(
            found(&text).contains(&("secret.generic_high_entropy", value)),
            "{text}: {:?}",
            found(&text)
        );
    }
    // The next word is no token, or the token is not random, or glued to the key word.
    for text in [
        "the API key header is missing".to_owned(),
        "the token expired yesterday".to_owned(),
        "secret Santa gifts for 2024".to_owned(),
        "token 1234567890123456789012345".to_owned(),
        "api key your_api_key_goes_here".to_owned(),
        "token MY_SECRET_TOKEN_NAME_V2".to_owned(),
        "the password reset link".to_owned(),
        format!("the api key{v}"),
    ] {
        assert!(found(&text).is_empty(), "{text}: {:?}", found(&text));
    }
}

#[test]
fn pins_after_a_pin_word_in_several_languages() {
    // Synthetic PINs.
    for (text, pin) in [
        ("My PIN is 4821", "4821"),
        ("pin: 093311", "093311"),
        ("Meine PIN lautet 7310.", "7310"),
        ("PIN-Code: 55190", "55190"),
        ("mon code PIN est 2468", "2468"),
        ("mi PIN es 1357, gracias", "1357"),
        ("mijn pincode is 8642", "8642"),
        ("Geheimzahl: 9753", "9753"),
        ("card_pin=\"12345678\"", "12345678"),
        ("the pin code is 0000 until you change it", "0000"),
    ] {
        assert!(
            found(text).contains(&("secret.pin", pin)),
            "{text}: {:?}",
            found(text)
        );
    }
    // Not a PIN: too short or long, a number with decimals, no separator, not the word `pin`.
    for text in [
        "GPIO pin: 17",
        "the pin is 3 cm long",
        "PIN: 123456789",
        "pin: 1234.5 mm",
        "pin 4821",
        "shopping: 4821",
        "spinner: 4821",
        "Pinterest: 4821 followers",
        "the pin is loose",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn card_security_codes_with_or_without_a_separator() {
    // Synthetic codes.
    for (text, code) in [
        ("card 4111 1111 1111 1111 exp 09/27 cvv 123", "123"),
        ("my CVC is 456", "456"),
        ("CVV2: 321", "321"),
        ("security code: 7890", "7890"),
        ("Kartenprüfnummer 123", "123"),
        ("cryptogramme visuel : 456", "456"),
        ("código de seguridad: 789", "789"),
        ("\"cvc\": \"042\"", "042"),
        (
            "American Express\nLauren Jenkins\n378282246310005 05/32\nCID: 4830\n",
            "4830",
        ),
        ("CVN 913", "913"),
        ("CSC 551", "551"),
    ] {
        assert!(
            found(text).contains(&("secret.card_security_code", code)),
            "{text}: {:?}",
            found(text)
        );
    }
    for text in [
        "cvv 12345",
        "the cvv is 3 digits",
        "CVV: 123.45",
        "our security code of conduct 2024",
        "cvv12 3",
        "cvv 12",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn passwords_straight_after_their_word_need_letters_and_digits() {
    assert!(found("my username is jdoe42 and password Tr0ub4dor&3")
        .contains(&("secret.password_assignment", "Tr0ub4dor&3")));
    assert!(found("Passwort Sommer2024! bitte ändern")
        .contains(&("secret.password_assignment", "Sommer2024!")));
    for text in [
        "the password reset link",
        "the password manager 1Password",
        "password 12345678",
        "the password field is empty",
        "password abc1",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn short_password_words_need_a_colon_or_equals() {
    assert!(found("pw: Summer2024!").contains(&("secret.password_assignment", "Summer2024!")));
    assert!(found("db_pw=Qx7!pass99").contains(&("secret.password_assignment", "Qx7!pass99")));
    for text in ["pw is Summer2024!", "PWM: 50%", "pwned: Summer2024!"] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn bearer_and_basic() {
    let t = g(US, 40);
    let text = format!("curl -H 'Authorization: Bearer {t}' https://api.example.com");
    assert_eq!(found(&text), [("secret.bearer_token", t.as_str())]);
    for text in [
        "Authorization: Bearer token",
        "Bearer authentication is used",
        "Authorization: Bearer [SECRET]",
        "Authorization: Bearer ${TOKEN}",
        "a basic idea",
        "basic auth0 setup",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
    // A JWT after Bearer is reported once, as a JWT.
    let jwt = format!(
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTQyIiwibmFtZSI6IlRlc3QgVXNlciIsImlhdCI6MTcwMDAwMDAwMH0.{}",
        g(US, 43)
    );
    let text = format!("Authorization: Bearer {jwt}");
    assert_eq!(found(&text), [("secret.jwt", jwt.as_str())]);
}

#[test]
fn jwt_variants() {
    let head = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
    let body = "eyJzdWIiOiJ1c2VyLTQyIiwibmFtZSI6IlRlc3QgVXNlciIsImlhdCI6MTcwMDAwMDAwMH0";
    // alg none: empty signature, still a token.
    let unsigned = format!("{head}.{body}.");
    assert_eq!(
        found(&format!("t={unsigned} ok")),
        [("secret.jwt", unsigned.as_str())]
    );
    // Two parts only, or a header that is not base64 JSON, is not a JWT.
    assert!(found(&format!("{head}.{body}")).is_empty());
    assert!(found(&format!("eyJnotbase64!.{body}.abc")).is_empty());
    assert!(found(&format!("eyJhbGci.{body}.abc")).is_empty());
}

#[test]
fn pem_blocks_fail_closed_without_end() {
    let body = g(B64, 64);
    let text = format!("here:\n-----BEGIN OPENSSH PRIVATE KEY-----\n{body}\nmore text after");
    let got = found(&text);
    let start = text.find("-----BEGIN").unwrap_or(0);
    assert_eq!(got, [("secret.private_key", &text[start..])]);
    let enc = format!(
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\n{body}\n-----END ENCRYPTED PRIVATE KEY-----"
    );
    assert_eq!(
        found(&format!("{enc}\nbye")),
        [("secret.private_key", enc.as_str())]
    );
    let pgp = format!(
        "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n{body}\n-----END PGP PRIVATE KEY BLOCK-----"
    );
    assert_eq!(found(&pgp), [("secret.private_key", pgp.as_str())]);
    assert!(found("-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----").is_empty());
    // Many BEGINs without END stay linear and report one block.
    let many = "-----BEGIN PRIVATE KEY-----\n".repeat(2000);
    assert_eq!(scan_text(&many).len(), 1);
}

#[test]
fn benign_text_has_no_secrets() {
    for text in [
        "Hello, can you help me plan a trip to Lisbon next week? My budget is 1200 euros.",
        "The task is risky: ask the desk about the skill matrix and the path pattern.",
        "Use the basic plan; the author said the token economy is a secret to success.",
        "Version 2.3.1 build 20240115 ticket #48213 order 1234567890",
        "https://example.com/docs/getting-started?lang=en#install",
        "SELECT * FROM users WHERE id = 42 AND status = 'active';",
        "commit 3f786850e387550fdab836ed7e6dc881de23001b fixes the parser",
        "uuid 123e4567-e89b-12d3-a456-426614174000 for the record",
        "en-us, de-de and fr-fr locales; plus-us and key-value stores",
        "call me at 12345678: available all day",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn hostile_input_does_not_panic() {
    let samples = [
        "password=",
        "password",
        "token:",
        "Bearer ",
        "Basic ",
        "://",
        "a://b:c@",
        "eyJ",
        "eyJ.",
        "-----BEGIN",
        "-----BEGIN PRIVATE KEY",
        "sig=",
        "-us1",
        ".atlasv1.",
        "Q~",
        "password: \"unterminated",
        "mot de passe est é",
        "contraseña: ñññññ",
        "пароль: секрет123",
    ];
    for s in samples {
        let _ = found(s);
        for cut in 0..=s.len() {
            if s.is_char_boundary(cut) {
                let _ = found(&s[..cut]);
            }
        }
    }
    let long = format!("password={}", "é".repeat(300));
    for c in scan_text(&long) {
        assert!(long.is_char_boundary(c.start) && long.is_char_boundary(c.end));
    }
}

#[test]
fn redacted_output_rescans_clean() {
    use crate::{Context, Guard, Policy};
    let guard = Guard::new(Policy::default()).expect("default policy");
    let mut text = String::new();
    for c in cases() {
        text.push_str(&c.text);
        text.push('\n');
    }
    text.push_str("password=Tr0ub4dor&3 and postgres://u:Pw9x-77@db/x, Authorization: Bearer ");
    text.push_str(&g(US, 40));
    let first = guard.scan(&text);
    assert!(first.iter().filter(|f| f.kind == Kind::Secret).count() >= 100);
    let redacted = guard.check(&text, &Context::default()).text;
    let again: Vec<_> = guard
        .scan(&redacted)
        .into_iter()
        .filter(|f| f.kind == Kind::Secret)
        .map(|f| (f.rule, &redacted[f.span.start..f.span.end]))
        .collect();
    assert!(again.is_empty(), "rescan found {again:?}");
}

#[test]
fn context_scores_are_bounded() {
    let text = format!("here is the api key: ghp_{}", g(AN, 36));
    let c = scan_text(&text);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].score, Score::from_milli(950));
    assert_eq!(c[0].kind, Kind::Secret);
}

#[test]
fn escaped_json_values() {
    let v = g(AN, 32);
    let text = format!(r#"{{"body": "{{\"password\":\"Qx7!pass99\",\"api_key\":\"{v}\"}}"}}"#);
    let got = found(&text);
    assert!(
        got.contains(&("secret.password_assignment", "Qx7!pass99")),
        "{got:?}"
    );
    assert!(
        got.contains(&("secret.generic_high_entropy", v.as_str())),
        "{got:?}"
    );
}

#[test]
fn repeated_triggers_stay_linear() {
    // Each of these would re-read long runs at every hit without the skip rules; they must
    // finish quickly and report at most a handful of spans.
    for unit in [
        "token=",
        "sl.",
        "glpat-",
        "password=&",
        "://",
        "Bearer ",
        "eyJ.",
        "-us1",
    ] {
        let text = unit.repeat(200_000 / unit.len());
        let t = std::time::Instant::now();
        let n = scan_text(&text).len();
        assert!(t.elapsed().as_secs() < 5, "{unit}: too slow");
        assert!(n <= 2, "{unit}: {n} candidates");
    }
}

#[test]
fn streaming_matches_one_shot() {
    use crate::{Context, Guard, Policy};
    let guard = Guard::new(Policy::default()).expect("default policy");
    let bare = g(AN, 32);
    let text = format!(
        "use ghp_{} and password: Hx8!pq2rr, or try Kx9-pq22 as the new password then\n-----BEGIN EC PRIVATE KEY-----\n{}\n{}\n-----END EC PRIVATE KEY-----\nand postgres://u:Pw9x-77@db/x plus Authorization: Bearer {} done, and the API key {} too. My PIN is 4821, cvv 321, password Tr0ub4dor&3.",
        g(AN, 36),
        g(B64, 64),
        g(B64, 64),
        g(US, 40),
        bare
    );
    let whole = guard.check(&text, &Context::default()).text;
    assert!(
        !whole.contains(&bare)
            && !whole.contains("4821")
            && !whole.contains("cvv 321")
            && !whole.contains("Tr0ub4dor&3")
            && !whole.contains("Hx8!pq2rr")
            && !whole.contains("Kx9-pq22")
            && !whole.contains("PRIVATE KEY"),
        "{whole}"
    );
    for size in [1, 3, 7, 64] {
        let mut stream = guard.stream(Context::default());
        let mut out = String::new();
        let mut rest = text.as_str();
        while !rest.is_empty() {
            let mut cut = size.min(rest.len());
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            stream.push(&rest[..cut], &mut out);
            rest = &rest[cut..];
        }
        stream.finish(&mut out);
        assert_eq!(out, whole, "chunk size {size}");
    }
}

#[test]
fn type_annotations_are_no_passwords() {
    for text in [
        "fn hash(password: &str, salt: &str) -> String",
        "struct Login {\n    password: String,\n}",
        "let password: Option<String> = None;",
        "def check(password: str) -> bool:",
    ] {
        assert!(
            !found(text)
                .iter()
                .any(|&(rule, _)| rule == "secret.password_assignment"),
            "{text}"
        );
    }
    // Values that only look like code are still passwords.
    assert!(found("password: &Tr0ub4dor!").contains(&("secret.password_assignment", "&Tr0ub4dor!")));
}

/// A redaction placeholder is no key name: the redacted text must scan as the original did
/// (`IBAN ghp_… : DE89…` redacted to `IBAN [SECRET] : DE89…` found the failed IBAN as a secret).
/// Synthetic values.
#[test]
fn placeholders_are_no_key_names() {
    let value = "DE89055546009769789923";
    for text in [
        format!("IBAN [SECRET]  : {value}, thanks"),
        format!("[PASSWORD_1] = {value}"),
        format!("[API_KEY#3f] {value}"),
    ] {
        assert!(found(&text).is_empty(), "{text}: {:?}", found(&text));
    }
    assert_eq!(
        found(&format!("[secret: {value}]")),
        [("secret.generic_high_entropy", value)]
    );
}

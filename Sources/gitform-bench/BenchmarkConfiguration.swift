/// A large, realistic gitform configuration for the language benchmarks.
///
/// Shared by the parse, format and evaluate benchmarks so their figures are comparable. Each
/// block is a resource like the ones users write: string and number attributes, a list, a
/// map, templates with interpolations, function calls, a conditional, a `for` expression, a
/// heredoc and a nested block. Deterministic: the same `blocks` gives the same text.
enum BenchmarkConfiguration {
  static func generate(blocks: Int) -> String {
    var text = """
      variable "env" {
        default = "staging"
      }

      locals {
        levels = { guest = 10, reporter = 20, developer = 30, maintainer = 40, owner = 50 }
        groups = ["platform", "data", "web"]
      }


      """
    text.reserveCapacity(blocks * 210)
    for i in 0..<blocks {
      switch i % 3 {
      case 0: text += projectToken(i)
      case 1: text += projectVariable(i)
      default: text += userToken(i)
      }
    }
    return text
  }

  private static func projectToken(_ i: Int) -> String {
    """
    resource "project_token" "svc_\(i)" {
      project      = "${local.groups[\(i % 3)]}/svc-\(i)"
      name         = "svc-${var.env}-\(i)"
      scopes       = ["read_api"]
      access_level = local.levels["maintainer"]
      expires_at   = timeadd(plantimestamp(), "\(720 + i % 48)h")

      rotation {
        days = var.env != "prod" ? 30 + \(i) % 7 : 90
      }
    }


    """
  }

  private static func projectVariable(_ i: Int) -> String {
    """
    resource "project_variable" "ci_\(i)" {
      project   = project_token.svc_\(i - 1).project
      key       = upper("token_\(i)") # CI variable
      value     = project_token.svc_\(i - 1).token
      masked    = \(i % 2 == 0)
    }


    """
  }

  private static func userToken(_ i: Int) -> String {
    """
    resource "user_token" "bot_\(i)" {
      user_id = \(1000 + i)
      scopes  = [for s in ["api"] : s if s != ""]
      note    = <<-EOT
        Bot ${var.env}.
      EOT
    }


    """
  }
}

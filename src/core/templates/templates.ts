import { actionPlanTemplate } from "./action-plan.template";
import { customerAnalysisTemplate } from "./customer-analysis.template";
import { monthlyReviewTemplate } from "./monthly-review.template";
import { targetDecompositionTemplate } from "./target-decomposition.template";
import type { TemplateDefinition, TemplateKey } from "./template.types";
import { weeklyPlanTemplate } from "./weekly-plan.template";

/** The playbook's four sheets, in the playbook's order, then the action plan that closes its loop. */
export const TEMPLATES: readonly TemplateDefinition[] = [
  targetDecompositionTemplate,
  customerAnalysisTemplate,
  weeklyPlanTemplate,
  monthlyReviewTemplate,
  actionPlanTemplate,
];

export function findTemplate(key: TemplateKey): TemplateDefinition {
  const found = TEMPLATES.find((t) => t.key === key);
  if (!found) throw new Error(`unknown template "${key}"`);
  return found;
}

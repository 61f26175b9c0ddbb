/**
 * The crisis-plan plugin: a member's own plan for a crisis (warning signs, what helps, who to call, the
 * community's crisis numbers, what to know if they cannot speak for themselves), private by default,
 * readable only by the members its owner names, with every such read in a log the owner sees.
 *
 * <p>Built against the plugin API alone: {@link org.kinship.plugin.crisisplan.CrisisPlanPlugin} is what the
 * host finds, {@link org.kinship.plugin.crisisplan.CrisisPlanResource} answers HTTP,
 * {@link org.kinship.plugin.crisisplan.PlanStore} is the only class that speaks SQL,
 * {@link org.kinship.plugin.crisisplan.PlanContent} holds the validation rules and
 * {@link org.kinship.plugin.crisisplan.PlanDocument} writes the copy a member keeps on their phone.
 */
package org.kinship.plugin.crisisplan;

package org.khronika.web;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The {@code kh:problem} attribute of a form control on a page that states one problem
 * beside its form (the account and users pages): {@code kh:problem="account-problem"}
 * marks the control the page's {@code problemField} names as invalid, described by the
 * element that states the problem, and focused, so that a reader, or a screen reader,
 * lands on what to correct. Other controls are left as they are.
 */
@Component
public class ProblemMarks extends AbstractProcessorDialect {

	public ProblemMarks() {
		super("Khronika problem marks", "kh", StandardDialect.PROCESSOR_PRECEDENCE);
	}

	@Override
	public Set<IProcessor> getProcessors(String prefix) {
		return Set.of(new Mark(prefix));
	}

	private static final class Mark extends AbstractAttributeTagProcessor {

		Mark(String prefix) {
			super(TemplateMode.HTML, prefix, null, false, "problem", true, StandardDialect.PROCESSOR_PRECEDENCE, true);
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attribute,
				String statedBy, IElementTagStructureHandler structure) {
			Object field = context.getVariable("problemField");
			if (field != null && field.equals(tag.getAttributeValue("name"))) {
				structure.setAttribute("aria-invalid", "true");
				structure.setAttribute("aria-describedby", statedBy);
				structure.setAttribute("autofocus", "autofocus");
			}
		}

	}

}

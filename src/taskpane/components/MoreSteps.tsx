/**
 * The "⋯" at the end of the step tabs when the pane is too narrow for all of them (a 320 px pane
 * holds four): it lists the steps that did not fit, so every step stays one click away and the tabs
 * never wrap to a second row. Loaded on its own: Menu brings the popup positioning code, which the
 * first paint of the pane does not need.
 */
import * as React from "react";
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";

export interface StepLink {
  id: string;
  label: string;
  icon?: React.JSX.Element;
}

function HiddenStep({
  step,
  onSelect,
}: {
  step: StepLink;
  onSelect: (id: string) => void;
}): React.JSX.Element | null {
  const visible = useIsOverflowItemVisible(step.id);
  if (visible) return null;
  return (
    <MenuItem icon={step.icon} onClick={() => onSelect(step.id)}>
      {step.label}
    </MenuItem>
  );
}

export default function MoreSteps({
  steps,
  label,
  onSelect,
}: {
  steps: StepLink[];
  /** The button's accessible name and tooltip, given how many steps it hides. */
  label: (hidden: number) => string;
  onSelect: (id: string) => void;
}): React.JSX.Element | null {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  const name = label(overflowCount);
  return (
    <Menu hasIcons>
      <MenuTrigger disableButtonEnhancement>
        <Button
          ref={ref}
          appearance="transparent"
          size="small"
          icon={<MoreHorizontalRegular />}
          aria-label={name}
          title={name}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {steps.map((s) => (
            <HiddenStep key={s.id} step={s} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

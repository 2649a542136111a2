/**
 * Keeps one step's failure inside that step. A part of the pane loaded on demand (the email step,
 * the Word covenant) fails to load when the network drops or the add-in was updated while the pane
 * was open; React would then unmount the whole pane and leave it blank. Here the step says what
 * happened and what to do, and the other tabs keep working.
 */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

interface Props {
  /** What the user reads instead of the step; none: the part just stays out of sight. */
  title?: string;
  next?: string;
  children: React.ReactNode;
}

export class StepBoundary extends React.Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  render(): React.ReactNode {
    if (!this.state.failed) return this.props.children;
    if (!this.props.title) return null;
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{this.props.title}</MessageBarTitle>
          {this.props.next}
        </MessageBarBody>
      </MessageBar>
    );
  }
}

import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClassName } from "./control";

export type InputProps = ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} className={cn(controlClassName, "h-9", className)} {...props} />;
}
